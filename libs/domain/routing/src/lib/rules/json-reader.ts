/**
 * Readers for the rule document that collect every problem as `path: reason` (like domain-scoring's model parser;
 * domain libs of different services may not import each other, so routing keeps its own).
 */
export class IssueList {
  private readonly items: string[] = [];

  add(path: string, reason: string): void {
    this.items.push(`${path || '(rules)'}: ${reason}`);
  }

  get all(): readonly string[] {
    return this.items;
  }
}

export type JsonObject = Record<string, unknown>;

export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const IDENTIFIER_HINT = '1-128 letters, digits, _ . : - starting with a letter or digit';
const MAX_TEXT = 200;

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

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node as an object with only `fields` allowed: unknown keys are typos, so they are reported. */
export function readObject(
  value: unknown,
  path: string,
  issues: IssueList,
  fields: readonly string[],
): JsonObject | undefined {
  if (!isRecord(value)) {
    issues.add(path, value === undefined ? 'is required' : `must be an object, got ${describeValue(value)}`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) issues.add(fieldPath(path, key), `is not a known field (expected ${fields.join(', ')})`);
  }
  return value;
}

export function readArray(value: unknown, path: string, issues: IssueList): unknown[] {
  if (Array.isArray(value)) return value;
  issues.add(path, value === undefined ? 'is required' : `must be an array, got ${describeValue(value)}`);
  return [];
}

export type TextKind = 'identifier' | 'text';

/** A string value checked as an identifier or as free text; reports and returns undefined when it is not. */
export function checkText(value: unknown, path: string, issues: IssueList, kind: TextKind): string | undefined {
  if (typeof value !== 'string') {
    issues.add(path, value === undefined ? 'is required' : `must be a string, got ${describeValue(value)}`);
    return undefined;
  }
  if (kind === 'identifier' && !IDENTIFIER_PATTERN.test(value)) {
    issues.add(path, `must be ${IDENTIFIER_HINT}, got ${describeValue(value)}`);
    return undefined;
  }
  if (value.trim() === '') issues.add(path, 'must not be empty');
  else if (value.length > MAX_TEXT) issues.add(path, `must be at most ${MAX_TEXT} characters`);
  else return value;
  return undefined;
}

export function checkEnum<T extends string>(
  value: unknown,
  path: string,
  issues: IssueList,
  allowed: readonly T[],
): T | undefined {
  if (typeof value === 'string' && allowed.includes(value as T)) return value as T;
  const got = value === undefined ? 'nothing' : describeValue(value);
  issues.add(path, `must be one of ${allowed.join(', ')}, got ${got}`);
  return undefined;
}

export function checkNumber(value: unknown, path: string, issues: IssueList): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  issues.add(path, value === undefined ? 'is required' : `must be a finite number, got ${describeValue(value)}`);
  return undefined;
}

export function readOptionalBoolean(obj: JsonObject, key: string, path: string, issues: IssueList): boolean {
  const value = obj[key];
  if (value === undefined || typeof value === 'boolean') return value ?? false;
  issues.add(fieldPath(path, key), `must be true or false, got ${describeValue(value)}`);
  return false;
}

/** Reports every id that repeats an earlier one, naming both places. */
export function checkUniqueIds(entries: { id: string; path: string }[], issues: IssueList): void {
  const seen = new Map<string, string>();
  for (const { id, path } of entries) {
    const first = seen.get(id);
    if (first) issues.add(path, `duplicates ${first} (${JSON.stringify(id)})`);
    else seen.set(id, path);
  }
}
