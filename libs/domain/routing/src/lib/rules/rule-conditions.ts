import type { LeadToRoute } from '../decision.types';
import type { NumberRange, RuleConditions } from '../rules.types';

/** What the caller worked out about the lead beyond its own attributes. */
export interface RuleFacts {
  territoryIds: readonly string[];
  accountSegment?: string;
}

/** One condition's verdict, with text that reads as the match reason or the failure. */
export interface ConditionResult {
  holds: boolean;
  text: string;
}

type Evaluator = (when: RuleConditions, lead: LeadToRoute, facts: RuleFacts) => ConditionResult | undefined;

const folded = (value: string): string => value.trim().toLowerCase();
const listed = (values: readonly string[]): string => `[${values.join(', ')}]`;
const known = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** Any-of match of one lead attribute, compared after `normalise` (case-insensitive by default). */
function oneOf(
  label: string,
  value: string | undefined,
  allowed: readonly string[] | undefined,
  normalise: (value: string) => string = folded,
): ConditionResult | undefined {
  if (!allowed) return undefined;
  if (!known(value)) return { holds: false, text: `${label} unknown` };
  const shown = normalise === folded ? value.trim() : normalise(value);
  return allowed.some((candidate) => normalise(candidate) === normalise(value))
    ? { holds: true, text: `${label} ${shown}` }
    : { holds: false, text: `${label} ${shown} not in ${listed(allowed)}` };
}

function inRange(
  label: string,
  value: number | undefined,
  range: NumberRange | undefined,
  matched: (value: number) => string,
): ConditionResult | undefined {
  if (!range) return undefined;
  if (value === undefined) return { holds: false, text: `${label} unknown` };
  if (range.min !== undefined && value < range.min)
    return { holds: false, text: `${label} ${value} below ${range.min}` };
  if (range.max !== undefined && value > range.max)
    return { holds: false, text: `${label} ${value} above ${range.max}` };
  return { holds: true, text: matched(value) };
}

function inTerritory(allowed: readonly string[] | undefined, territoryIds: readonly string[]) {
  if (!allowed) return undefined;
  const hit = territoryIds.find((id) => allowed.includes(id));
  if (hit) return { holds: true, text: `territory ${hit}` };
  const text =
    territoryIds.length === 0
      ? `lead in no territory, rule needs one of ${listed(allowed)}`
      : `territories ${listed(territoryIds)} not in ${listed(allowed)}`;
  return { holds: false, text };
}

/** In document order, so the trace names the first failing condition. */
const EVALUATORS: readonly Evaluator[] = [
  (when, lead) => oneOf('country', lead.country, when.countries, (value) => value.trim().toUpperCase()),
  (when, lead) => oneOf('region', lead.region, when.regions),
  (when, _lead, facts) => inTerritory(when.territories, facts.territoryIds),
  (when, lead) => inRange('employeeCount', lead.employeeCount, when.employeeCount, (value) => `${value} employees`),
  (when, lead) => oneOf('industry', lead.industry, when.industries),
  (when, lead) => oneOf('grade', lead.grade, when.grades, (value) => value),
  (when, lead) =>
    inRange('behaviourScore', lead.behaviourScore, when.behaviourScore, (value) => `behaviour score ${value}`),
  (when, lead) => oneOf('productInterest', lead.productInterest, when.productInterests),
  (when, lead) => oneOf('source', lead.source, when.sources),
  (when, _lead, facts) => oneOf('accountSegment', facts.accountSegment, when.accountSegments),
];

/** Every condition the rule sets, evaluated in order until the first that fails. */
export function evaluateConditions(when: RuleConditions, lead: LeadToRoute, facts: RuleFacts): ConditionResult[] {
  const results: ConditionResult[] = [];
  for (const evaluate of EVALUATORS) {
    const result = evaluate(when, lead, facts);
    if (!result) continue;
    results.push(result);
    if (!result.holds) break;
  }
  return results;
}
