import { compilePattern } from './condition';
import {
  describeValue,
  fieldPath,
  itemPath,
  IssueList,
  readArray,
  readEnum,
  readObject,
  readOptionalNumber,
  type JsonObject,
} from './json-reader';
import type { Condition, ConditionOp, Scalar } from './scoring-model.types';

const OPS: readonly ConditionOp[] = ['equals', 'in', 'range', 'matches', 'exists'];
const FIELDS_BY_OP: Record<ConditionOp, readonly string[]> = {
  equals: ['op', 'value'],
  in: ['op', 'values'],
  range: ['op', 'min', 'max'],
  matches: ['op', 'pattern'],
  exists: ['op'],
};
const MAX_PATTERN_LENGTH = 500;

export function parseCondition(value: unknown, path: string, issues: IssueList): Condition | undefined {
  const node = readObject(value, path, issues, ['op', 'value', 'values', 'min', 'max', 'pattern']);
  if (!node) return undefined;
  const op = readEnum(node, 'op', path, issues, OPS);
  if (!op) return undefined;
  for (const key of Object.keys(node)) {
    if (!FIELDS_BY_OP[op].includes(key)) issues.add(fieldPath(path, key), `is not allowed with op "${op}"`);
  }
  switch (op) {
    case 'equals':
      return { op, value: readScalar(node.value, fieldPath(path, 'value'), issues) };
    case 'in':
      return { op, values: readScalars(node, path, issues) };
    case 'range':
      return readRange(node, path, issues);
    case 'matches':
      return { op, pattern: readPattern(node.pattern, fieldPath(path, 'pattern'), issues) };
    case 'exists':
      return { op };
  }
}

function readScalar(value: unknown, path: string, issues: IssueList): Scalar {
  const isScalar =
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
  if (isScalar) return value;
  issues.add(
    path,
    value === undefined ? 'is required' : `must be a string, number or boolean, got ${describeValue(value)}`,
  );
  return '';
}

function readScalars(node: JsonObject, path: string, issues: IssueList): Scalar[] {
  const values = readArray(node, 'values', path, issues);
  if (Array.isArray(node.values) && values.length === 0) issues.add(fieldPath(path, 'values'), 'must not be empty');
  return values.map((value, index) => readScalar(value, itemPath(fieldPath(path, 'values'), index), issues));
}

function readRange(node: JsonObject, path: string, issues: IssueList): Condition {
  const min = readOptionalNumber(node, 'min', path, issues, 'finite');
  const max = readOptionalNumber(node, 'max', path, issues, 'finite');
  if (node.min === undefined && node.max === undefined) issues.add(path, 'a range needs min, max or both');
  if (min !== undefined && max !== undefined && min > max) {
    issues.add(fieldPath(path, 'max'), `must not be lower than min (${min}), got ${max}`);
  }
  return { op: 'range', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

function readPattern(value: unknown, path: string, issues: IssueList): string {
  if (typeof value !== 'string' || value === '') {
    issues.add(path, value === undefined ? 'is required' : `must be a non-empty string, got ${describeValue(value)}`);
    return '';
  }
  if (value.length > MAX_PATTERN_LENGTH) {
    issues.add(path, `must be at most ${MAX_PATTERN_LENGTH} characters`);
    return '';
  }
  try {
    compilePattern(value);
  } catch (error) {
    issues.add(path, `is not a valid regular expression (${(error as Error).message})`);
  }
  return value;
}
