import { parseCondition } from './condition.parser';
import {
  describeValue,
  fieldPath,
  itemPath,
  IssueList,
  readArray,
  readEnum,
  readNumber,
  readObject,
  readOptionalNumber,
  readOptionalString,
  readString,
  type JsonObject,
} from './json-reader';
import type { BehaviourModel, BehaviourRule, PropertyFilter, ScoreGroup, WindowCap } from './scoring-model.types';

const FREQUENCIES = ['once_per_lead', 'repeatable'] as const;
const RULE_FIELDS = [
  'id',
  'label',
  'activityType',
  'customType',
  'filters',
  'points',
  'frequency',
  'maxPoints',
  'window',
  'groupId',
  'halfLifeDays',
];
const FILTER_PATH = /^(properties|profile)(\.[A-Za-z0-9_$-]+)+$/;

export function parseBehaviour(value: unknown, path: string, issues: IssueList): BehaviourModel | undefined {
  const node = readObject(value, path, issues, ['rules', 'groups', 'halfLifeDays', 'totalLimit']);
  if (!node) return undefined;
  const groupsPath = fieldPath(path, 'groups');
  const groups = readArray(node, 'groups', path, issues, true)
    .map((group, index) => parseGroup(group, itemPath(groupsPath, index), issues))
    .filter((group): group is ScoreGroup => group !== undefined);
  const groupIds = groups.map((group) => group.id);
  const rulesPath = fieldPath(path, 'rules');
  const rules = readArray(node, 'rules', path, issues)
    .map((rule, index) => parseRule(rule, itemPath(rulesPath, index), issues, groupIds))
    .filter((rule): rule is BehaviourRule => rule !== undefined);
  const totalLimit = readOptionalNumber(node, 'totalLimit', path, issues, 'positive');
  return {
    rules,
    groups,
    halfLifeDays: readNumber(node, 'halfLifeDays', path, issues, 'positive'),
    ...(totalLimit === undefined ? {} : { totalLimit }),
  };
}

function parseGroup(value: unknown, path: string, issues: IssueList): ScoreGroup | undefined {
  const node = readObject(value, path, issues, ['id', 'label', 'limit']);
  if (!node) return undefined;
  return {
    id: readString(node, 'id', path, issues, { maxLength: 128, identifier: true }),
    label: readString(node, 'label', path, issues, { maxLength: 200 }),
    limit: readNumber(node, 'limit', path, issues, 'positive'),
  };
}

function parseRule(value: unknown, path: string, issues: IssueList, groupIds: string[]): BehaviourRule | undefined {
  const node = readObject(value, path, issues, RULE_FIELDS);
  if (!node) return undefined;
  const rule: BehaviourRule = {
    id: readString(node, 'id', path, issues, { maxLength: 128, identifier: true }),
    label: readString(node, 'label', path, issues, { maxLength: 200 }),
    activityType: readString(node, 'activityType', path, issues, { maxLength: 64 }),
    filters: parseFilters(node, path, issues),
    points: readNumber(node, 'points', path, issues, 'non-zero'),
    frequency: readEnum(node, 'frequency', path, issues, FREQUENCIES) ?? 'repeatable',
  };
  const customType = readOptionalString(node, 'customType', path, issues, { maxLength: 64 });
  if (customType !== undefined) rule.customType = customType;
  if (customType !== undefined && rule.activityType !== 'custom') {
    issues.add(fieldPath(path, 'customType'), `is only allowed with activityType "custom"`);
  }
  const maxPoints = readOptionalNumber(node, 'maxPoints', path, issues, 'positive');
  if (maxPoints !== undefined) rule.maxPoints = maxPoints;
  if (node.window !== undefined) rule.window = parseWindow(node.window, fieldPath(path, 'window'), issues);
  const groupId = readOptionalString(node, 'groupId', path, issues, { maxLength: 128, identifier: true });
  if (groupId !== undefined) rule.groupId = groupId;
  if (groupId !== undefined && !groupIds.includes(groupId)) {
    const known = groupIds.length ? groupIds.join(', ') : 'none';
    issues.add(fieldPath(path, 'groupId'), `refers to unknown group ${JSON.stringify(groupId)} (known: ${known})`);
  }
  if (node.halfLifeDays === null) rule.halfLifeDays = null;
  else {
    const halfLifeDays = readOptionalNumber(node, 'halfLifeDays', path, issues, 'positive');
    if (halfLifeDays !== undefined) rule.halfLifeDays = halfLifeDays;
  }
  return rule;
}

function parseFilters(node: JsonObject, path: string, issues: IssueList): PropertyFilter[] {
  const filtersPath = fieldPath(path, 'filters');
  return readArray(node, 'filters', path, issues, true)
    .map((filter, index) => parseFilter(filter, itemPath(filtersPath, index), issues))
    .filter((filter): filter is PropertyFilter => filter !== undefined);
}

function parseFilter(value: unknown, path: string, issues: IssueList): PropertyFilter | undefined {
  const node = readObject(value, path, issues, ['path', 'condition']);
  if (!node) return undefined;
  const propertyPath = node.path;
  if (typeof propertyPath !== 'string' || !FILTER_PATH.test(propertyPath)) {
    const got = propertyPath === undefined ? 'nothing' : describeValue(propertyPath);
    issues.add(fieldPath(path, 'path'), `must be a dotted path starting with "properties." or "profile.", got ${got}`);
  }
  const condition = parseCondition(node.condition, fieldPath(path, 'condition'), issues);
  return condition && typeof propertyPath === 'string' ? { path: propertyPath, condition } : undefined;
}

function parseWindow(value: unknown, path: string, issues: IssueList): WindowCap {
  const node = readObject(value, path, issues, ['days', 'maxPoints']);
  if (!node) return { days: Number.NaN, maxPoints: Number.NaN };
  return {
    days: readNumber(node, 'days', path, issues, 'positive'),
    maxPoints: readNumber(node, 'maxPoints', path, issues, 'positive'),
  };
}
