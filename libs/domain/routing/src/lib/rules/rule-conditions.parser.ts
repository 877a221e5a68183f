import { GRADES } from '@handoff/shared-vocabulary';
import type { NumberRange, RuleConditions } from '../rules.types';
import {
  checkEnum,
  checkNumber,
  checkText,
  describeValue,
  fieldPath,
  itemPath,
  IssueList,
  readArray,
  readObject,
} from './json-reader';

type ListKey = Exclude<keyof RuleConditions, RangeKey>;
type RangeKey = 'employeeCount' | 'behaviourScore';
type ItemCheck = (value: unknown, path: string, issues: IssueList) => string | undefined;

const COUNTRY_CODE = /^[A-Z]{2}$/;

function checkCountry(value: unknown, path: string, issues: IssueList): string | undefined {
  if (typeof value === 'string' && COUNTRY_CODE.test(value)) return value;
  issues.add(path, `must be an ISO 3166-1 alpha-2 code in upper case (e.g. DE), got ${describeValue(value)}`);
  return undefined;
}

const text: ItemCheck = (value, path, issues) => checkText(value, path, issues, 'text');

const LIST_ITEMS: Record<ListKey, ItemCheck> = {
  countries: checkCountry,
  regions: text,
  territories: (value, path, issues) => checkText(value, path, issues, 'identifier'),
  industries: text,
  grades: (value, path, issues) => checkEnum(value, path, issues, GRADES),
  productInterests: text,
  sources: text,
  accountSegments: text,
};

/** Lowest allowed value of each range, where the attribute cannot go below it. */
const RANGE_FLOORS: Record<RangeKey, number | undefined> = { employeeCount: 0, behaviourScore: undefined };

/** In the order `matchRule` evaluates them, so the trace names the first failing condition. */
export const CONDITION_FIELDS = [
  'countries',
  'regions',
  'territories',
  'employeeCount',
  'industries',
  'grades',
  'behaviourScore',
  'productInterests',
  'sources',
  'accountSegments',
] as const satisfies readonly (keyof RuleConditions)[];

/** A rule's `when`; absent means "always". Only the conditions present are kept. */
export function parseConditions(value: unknown, path: string, issues: IssueList): RuleConditions {
  if (value === undefined) return {};
  const node = readObject(value, path, issues, CONDITION_FIELDS);
  const when: Record<string, unknown> = {};
  for (const key of CONDITION_FIELDS) {
    if (node?.[key] === undefined) continue;
    const where = fieldPath(path, key);
    when[key] = isRangeKey(key)
      ? parseRange(node[key], where, issues, key)
      : parseList(node[key], where, issues, LIST_ITEMS[key]);
  }
  return when as RuleConditions;
}

function isRangeKey(key: keyof RuleConditions): key is RangeKey {
  return key in RANGE_FLOORS;
}

function parseList(value: unknown, path: string, issues: IssueList, check: ItemCheck): string[] {
  const items = readArray(value, path, issues);
  if (Array.isArray(value) && items.length === 0) issues.add(path, 'must list at least one value');
  return items
    .map((item, index) => check(item, itemPath(path, index), issues))
    .filter((item): item is string => item !== undefined);
}

function parseRange(value: unknown, path: string, issues: IssueList, key: RangeKey): NumberRange {
  const node = readObject(value, path, issues, ['min', 'max']);
  if (!node) return {};
  const range: NumberRange = {};
  for (const end of ['min', 'max'] as const) {
    if (node[end] === undefined) continue;
    const number = checkNumber(node[end], fieldPath(path, end), issues);
    const floor = RANGE_FLOORS[key];
    if (number !== undefined && floor !== undefined && number < floor) {
      issues.add(fieldPath(path, end), `must not be lower than ${floor}, got ${number}`);
    } else if (number !== undefined) range[end] = number;
  }
  if (node.min === undefined && node.max === undefined) issues.add(path, 'a range needs min, max or both');
  if (range.min !== undefined && range.max !== undefined && range.max < range.min) {
    issues.add(fieldPath(path, 'max'), `must not be lower than min (${range.min}), got ${range.max}`);
  }
  return range;
}
