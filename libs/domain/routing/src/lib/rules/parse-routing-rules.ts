import { ROUTING_STRATEGIES } from '@handoff/shared-vocabulary';
import type { FallbackRoute, RoutingRule, RoutingRuleSet } from '../rules.types';
import {
  checkEnum,
  checkNumber,
  checkText,
  checkUniqueIds,
  fieldPath,
  itemPath,
  IssueList,
  readArray,
  readObject,
  readOptionalBoolean,
} from './json-reader';
import { parseConditions } from './rule-conditions.parser';

const RULE_SET_FIELDS = ['version', 'rules', 'fallback', 'accountNameSimilarity'];
const RULE_FIELDS = ['id', 'description', 'when', 'pool', 'strategy', 'accountOwnerFirst'];
export const DEFAULT_ACCOUNT_NAME_SIMILARITY = 0.9;

/** Thrown by `parseRoutingRules`; `issues` lists every problem as `path: reason`. */
export class RoutingRulesValidationError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`invalid routing rules:\n  ${issues.join('\n  ')}`);
    this.name = 'RoutingRulesValidationError';
  }
}

export type RoutingRulesValidation = { ok: true; ruleSet: RoutingRuleSet } | { ok: false; issues: readonly string[] };

/** Validates without throwing, for an HTTP layer that answers 400 with the issues. Pool ids are not checked here. */
export function validateRoutingRules(json: unknown): RoutingRulesValidation {
  const issues = new IssueList();
  const ruleSet = readRuleSet(json, issues);
  return ruleSet && issues.all.length === 0 ? { ok: true, ruleSet } : { ok: false, issues: issues.all };
}

/** The rule set as a fresh object holding only known fields; throws `RoutingRulesValidationError` otherwise. */
export function parseRoutingRules(json: unknown): RoutingRuleSet {
  const result = validateRoutingRules(json);
  if (!result.ok) throw new RoutingRulesValidationError(result.issues);
  return result.ruleSet;
}

function readRuleSet(json: unknown, issues: IssueList): RoutingRuleSet | undefined {
  const node = readObject(json, '', issues, RULE_SET_FIELDS);
  if (!node) return undefined;
  const version = checkText(node.version, 'version', issues, 'identifier') ?? '';
  const rules = readArray(node.rules, 'rules', issues).map((rule, index) =>
    readRule(rule, itemPath('rules', index), issues),
  );
  checkUniqueIds(
    rules.flatMap((rule, index) => (rule?.id ? [{ id: rule.id, path: itemPath('rules', index) + '.id' }] : [])),
    issues,
  );
  const fallback = readFallback(node.fallback, issues);
  const accountNameSimilarity = readSimilarity(node.accountNameSimilarity, issues);
  if (!fallback) return undefined;
  return {
    version,
    rules: rules.filter((rule): rule is RoutingRule => rule !== undefined),
    fallback,
    accountNameSimilarity,
  };
}

function readRule(value: unknown, path: string, issues: IssueList): RoutingRule | undefined {
  const node = readObject(value, path, issues, RULE_FIELDS);
  if (!node) return undefined;
  const description =
    node.description === undefined
      ? undefined
      : checkText(node.description, fieldPath(path, 'description'), issues, 'text');
  return {
    id: checkText(node.id, fieldPath(path, 'id'), issues, 'identifier') ?? '',
    ...(description === undefined ? {} : { description }),
    when: parseConditions(node.when, fieldPath(path, 'when'), issues),
    pool: checkText(node.pool, fieldPath(path, 'pool'), issues, 'identifier') ?? '',
    strategy: checkEnum(node.strategy, fieldPath(path, 'strategy'), issues, ROUTING_STRATEGIES) ?? 'round_robin',
    accountOwnerFirst: readOptionalBoolean(node, 'accountOwnerFirst', path, issues),
  };
}

function readFallback(value: unknown, issues: IssueList): FallbackRoute | undefined {
  const node = readObject(value, 'fallback', issues, ['pool', 'strategy']);
  if (!node) return undefined;
  return {
    pool: checkText(node.pool, 'fallback.pool', issues, 'identifier') ?? '',
    strategy: checkEnum(node.strategy, 'fallback.strategy', issues, ROUTING_STRATEGIES) ?? 'round_robin',
  };
}

function readSimilarity(value: unknown, issues: IssueList): number {
  if (value === undefined) return DEFAULT_ACCOUNT_NAME_SIMILARITY;
  const similarity = checkNumber(value, 'accountNameSimilarity', issues);
  if (similarity !== undefined && (similarity < 0 || similarity > 1)) {
    issues.add('accountNameSimilarity', `must be between 0 and 1, got ${similarity}`);
  }
  return similarity ?? DEFAULT_ACCOUNT_NAME_SIMILARITY;
}
