import { DomainError, fieldIssuesOf } from '@handoff/shared-errors';

/** Problems found in one input, each as `path: reason`, the form `fieldIssuesOf` groups into an error body. */
export class IssueList {
  private readonly items: string[] = [];

  add(path: string, reason: string): void {
    this.items.push(`${path}: ${reason}`);
  }

  /** Issues of a nested validator, re-rooted under `path` (e.g. a quota's period); as they are for `''`. */
  addAll(path: string, issues: readonly string[]): void {
    for (const issue of issues) this.items.push(path === '' ? issue : `${path}.${issue}`);
  }

  get all(): readonly string[] {
    return this.items;
  }
}

/** Throws an `invalid` DomainError naming every issue, for callers that must not go on with a bad input. */
export function throwIfInvalid(issues: readonly string[], what: string, wholeField: string): void {
  if (issues.length === 0) return;
  throw new DomainError('invalid', `Invalid ${what}: ${issues.join('; ')}`, {
    details: fieldIssuesOf(issues, wholeField),
  });
}

export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export const IDENTIFIER_HINT = 'must be 1-128 letters, digits, _ . : - starting with a letter or digit';

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 60)}"`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}
