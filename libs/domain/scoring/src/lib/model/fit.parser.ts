import { parseCondition } from './condition.parser';
import {
  describeValue,
  fieldPath,
  itemPath,
  IssueList,
  readArray,
  readNumber,
  readObject,
  readString,
} from './json-reader';
import {
  FIT_ATTRIBUTES,
  type FitAttribute,
  type FitModel,
  type FitRule,
  type GradeThresholds,
} from './scoring-model.types';

const TRAIT_ATTRIBUTE = /^traits\.[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/;

export function parseFit(value: unknown, path: string, issues: IssueList): FitModel | undefined {
  const node = readObject(value, path, issues, ['rules', 'grades']);
  if (!node) return undefined;
  const rulesPath = fieldPath(path, 'rules');
  const rules = readArray(node, 'rules', path, issues)
    .map((rule, index) => parseFitRule(rule, itemPath(rulesPath, index), issues))
    .filter((rule): rule is FitRule => rule !== undefined);
  return { rules, grades: parseGrades(node.grades, fieldPath(path, 'grades'), issues) };
}

function parseFitRule(value: unknown, path: string, issues: IssueList): FitRule | undefined {
  const node = readObject(value, path, issues, ['id', 'label', 'attribute', 'condition', 'points']);
  if (!node) return undefined;
  const rule = {
    id: readString(node, 'id', path, issues, { maxLength: 128, identifier: true }),
    label: readString(node, 'label', path, issues, { maxLength: 200 }),
    attribute: readAttribute(node.attribute, fieldPath(path, 'attribute'), issues),
    condition: parseCondition(node.condition, fieldPath(path, 'condition'), issues),
    points: readNumber(node, 'points', path, issues, 'non-zero'),
  };
  return rule.condition ? { ...rule, condition: rule.condition } : undefined;
}

function readAttribute(value: unknown, path: string, issues: IssueList): FitAttribute {
  if (typeof value === 'string' && (FIT_ATTRIBUTES.includes(value as never) || TRAIT_ATTRIBUTE.test(value))) {
    return value as FitAttribute;
  }
  const got = value === undefined ? 'nothing' : describeValue(value);
  issues.add(path, `must be one of ${FIT_ATTRIBUTES.join(', ')} or traits.<name>, got ${got}`);
  return 'industry';
}

function parseGrades(value: unknown, path: string, issues: IssueList): GradeThresholds {
  const node = readObject(value, path, issues, ['A', 'B', 'C']);
  if (!node) return { A: Number.NaN, B: Number.NaN, C: Number.NaN };
  const grades = {
    A: readNumber(node, 'A', path, issues, 'finite'),
    B: readNumber(node, 'B', path, issues, 'finite'),
    C: readNumber(node, 'C', path, issues, 'finite'),
  };
  if (grades.B >= grades.A) issues.add(fieldPath(path, 'B'), `must be lower than A (${grades.A}), got ${grades.B}`);
  if (grades.C >= grades.B) issues.add(fieldPath(path, 'C'), `must be lower than B (${grades.B}), got ${grades.C}`);
  return grades;
}
