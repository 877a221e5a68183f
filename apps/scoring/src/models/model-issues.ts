import type { FieldIssue } from '@handoff/contracts';

/**
 * The domain reports each problem as `path: reason`; the HTTP error shape groups reasons by field, in the
 * order the fields were first reported.
 */
export function toFieldIssues(issues: readonly string[]): FieldIssue[] {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const separator = issue.indexOf(': ');
    const field = separator < 0 ? '(model)' : issue.slice(0, separator);
    const reason = separator < 0 ? issue : issue.slice(separator + 2);
    byField.set(field, [...(byField.get(field) ?? []), reason]);
  }
  return [...byField].map(([field, reasons]) => ({ field, reasons }));
}
