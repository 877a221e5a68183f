import { isRecord } from './condition';

/** Collects `path: reason` lines so one validation pass reports every problem, not just the first. */
export class IssueList {
  private readonly items: string[] = [];

  add(path: string, reason: string): void {
    this.items.push(`${path || '(model)'}: ${reason}`);
  }

  get all(): readonly string[] {
    return this.items;
  }
}

export type JsonObject = Record<string, unknown>;

/** Records an issue and yields `undefined`, the "no valid value" result of the optional readers. */
function reject(issues: IssueList, path: string, reason: string): undefined {
  issues.add(path, reason);
  return undefined;
}

export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const IDENTIFIER_HINT = '1-128 letters, digits, _ . : - starting with a letter or digit';

export const fieldPath = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
export const itemPath = (path: string, index: number): string => `${path}[${index}]`;

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 60))}`;
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : String(value);
  return `a ${typeof value}`;
}

/** The node as an object with only `fields` allowed (unknown keys are typos, so they are reported). */
export function readObject(value: unknown, path: string, issues: IssueList, fields: readonly string[]) {
  if (!isRecord(value)) {
    issues.add(path, value === undefined ? 'is required' : `must be an object, got ${describeValue(value)}`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) issues.add(fieldPath(path, key), `is not a known field (expected ${fields.join(', ')})`);
  }
  return value;
}

export function readArray(obj: JsonObject, key: string, path: string, issues: IssueList, optional = false): unknown[] {
  const value = obj[key];
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) {
    issues.add(
      fieldPath(path, key),
      value === undefined ? 'is required' : `must be an array, got ${describeValue(value)}`,
    );
    return [];
  }
  return value;
}

interface StringRule {
  maxLength: number;
  identifier?: boolean;
}

export function readOptionalString(obj: JsonObject, key: string, path: string, issues: IssueList, rule: StringRule) {
  const value = obj[key];
  if (value === undefined) return undefined;
  const where = fieldPath(path, key);
  if (typeof value !== 'string') return reject(issues, where, `must be a string, got ${describeValue(value)}`);
  if (value.trim() === '') return reject(issues, where, 'must not be empty');
  if (value.length > rule.maxLength) return reject(issues, where, `must be at most ${rule.maxLength} characters`);
  if (rule.identifier && !IDENTIFIER_PATTERN.test(value)) {
    return reject(issues, where, `must be ${IDENTIFIER_HINT}, got ${describeValue(value)}`);
  }
  return value;
}

export function readString(obj: JsonObject, key: string, path: string, issues: IssueList, rule: StringRule): string {
  if (obj[key] === undefined) {
    issues.add(fieldPath(path, key), 'is required');
    return '';
  }
  return readOptionalString(obj, key, path, issues, rule) ?? '';
}

export type NumberKind = 'finite' | 'positive' | 'non-zero';

export function readOptionalNumber(obj: JsonObject, key: string, path: string, issues: IssueList, kind: NumberKind) {
  const value = obj[key];
  if (value === undefined) return undefined;
  const where = fieldPath(path, key);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return reject(issues, where, `must be a finite number, got ${describeValue(value)}`);
  }
  if (kind === 'positive' && value <= 0) return reject(issues, where, `must be greater than 0, got ${value}`);
  if (kind === 'non-zero' && value === 0) return reject(issues, where, 'must not be 0');
  return value;
}

export function readNumber(obj: JsonObject, key: string, path: string, issues: IssueList, kind: NumberKind): number {
  if (obj[key] === undefined) {
    issues.add(fieldPath(path, key), 'is required');
    return Number.NaN;
  }
  return readOptionalNumber(obj, key, path, issues, kind) ?? Number.NaN;
}

export function readEnum<T extends string>(
  obj: JsonObject,
  key: string,
  path: string,
  issues: IssueList,
  allowed: readonly T[],
): T | undefined {
  const value = obj[key];
  const where = fieldPath(path, key);
  if (value === undefined) return reject(issues, where, 'is required');
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    return reject(issues, where, `must be one of ${allowed.join(', ')}, got ${describeValue(value)}`);
  }
  return value as T;
}

/** Reports every id that repeats an earlier one, naming both places. */
export function checkUniqueIds(entries: { id: string; path: string }[], issues: IssueList): void {
  const seen = new Map<string, string>();
  for (const { id, path } of entries) {
    if (id === '') continue;
    const first = seen.get(id);
    if (first) issues.add(path, `duplicates ${first} (${JSON.stringify(id)})`);
    else seen.set(id, path);
  }
}
