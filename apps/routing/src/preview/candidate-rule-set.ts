import { type RoutingRuleSet, validateRoutingRules } from '@handoff/domain-routing';
import { DomainError, fieldIssuesOf } from '@handoff/shared-errors';

/** Where a request carries a candidate rule set; its issues are named below it (`ruleSet.rules[0].pool`). */
const RULE_SET_FIELD = 'ruleSet';
/** The domain files a problem of the document as a whole under this name. */
const WHOLE_DOCUMENT = '(rules)';

/** Documents a candidate rule document: its shape and every rule are the domain's (README "The rule document"). */
export const CANDIDATE_RULE_SET_SCHEMA = {
  type: 'object' as const,
  additionalProperties: true,
  description:
    'A routing rule set document (version, rules, fallback, accountNameSimilarity), as in ' +
    'apps/routing/rules/default-rules.yaml. A 400 lists every invalid field as ruleSet.<path>.',
  example: {
    version: 'candidate-1',
    rules: [{ id: 'dach', when: { countries: ['DE', 'AT', 'CH'] }, pool: 'dach', strategy: 'round_robin' }],
    fallback: { pool: 'inbound', strategy: 'round_robin' },
  },
};

/**
 * The candidate rule document, checked by the domain's own validation; a 400 lists every issue under `ruleSet`.
 * Pools the directory lacks are not an error here: the decision queues in them and its trace says so.
 */
export function candidateRuleSetOf(json: unknown): RoutingRuleSet {
  const validation = validateRoutingRules(json);
  if (validation.ok) return validation.ruleSet;
  const details = fieldIssuesOf(validation.issues, WHOLE_DOCUMENT).map(({ field, reasons }) => ({
    field: field === WHOLE_DOCUMENT ? RULE_SET_FIELD : `${RULE_SET_FIELD}.${field}`,
    reasons,
  }));
  throw new DomainError('invalid', 'the candidate rule set is invalid', { details });
}
