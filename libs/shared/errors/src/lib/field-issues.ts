import type { FieldIssue } from './domain-error';

/**
 * Domain validators report each problem as `path: reason`; error bodies group the reasons by field, in the order
 * the fields were first reported. A problem without a path is filed under `wholeField` (`(model)`, `(rules)`).
 */
export function fieldIssuesOf(issues: readonly string[], wholeField: string): FieldIssue[] {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const separator = issue.indexOf(': ');
    const field = separator < 0 ? wholeField : issue.slice(0, separator);
    const reason = separator < 0 ? issue : issue.slice(separator + 2);
    byField.set(field, [...(byField.get(field) ?? []), reason]);
  }
  return [...byField].map(([field, reasons]) => ({ field, reasons }));
}
