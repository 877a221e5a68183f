import { fitLogisticRegression } from './logistic-regression';

/** One labelled hand-off as rule feedback sees it: which scoring rules it had hit by then, and whether it converted. */
export interface RuleHitSample {
  hits: ReadonlySet<string>;
  converted: 0 | 1;
}

/** A scoring rule as it stands today. */
export interface ScoredRule {
  ruleId: string;
  points: number;
}

/** How often one side of a rule (the leads that hit it, or those that did not) converted. */
export interface ConversionRate {
  leads: number;
  converted: number;
  /** null without leads. */
  rate: number | null;
  /** 95% Wilson score interval of the rate; null without leads. */
  interval: [low: number, high: number] | null;
}

export interface RuleLift {
  ruleId: string;
  hit: ConversionRate;
  notHit: ConversionRate;
  /** Conversion rate of the leads that hit the rule over that of the leads that did not; null if either side is empty. */
  lift: number | null;
  /** 95% interval of the lift (log method, half a lead added to each cell so a zero count stays finite). */
  liftInterval: [low: number, high: number] | null;
}

export interface RuleSuggestion extends RuleLift {
  currentPoints: number;
  /** The rule's log-odds weight in a regularised fit on all rules' hits at once; null when too few leads hit it. */
  weight: number | null;
  /** The weight in points (scaled so today's and the suggested points have the same total size); today's when unknown. */
  suggestedPoints: number;
}

export interface RuleSuggestionOptions {
  /** A rule hit (or missed) by fewer leads keeps its points: its weight would be noise. */
  minLeadsPerSide: number;
  l2: number;
}

export const DEFAULT_RULE_SUGGESTION_OPTIONS: RuleSuggestionOptions = { minLeadsPerSide: 10, l2: 1 };

const Z_95 = 1.959964;

/**
 * Per rule: the conversion of leads that hit it against those that did not, and a suggested point value. The
 * lifts read one rule at a time; the weights come from one logistic fit on every rule's hit together, so two rules
 * that always fire together share their credit instead of both claiming it.
 */
export function suggestRulePoints(
  samples: readonly RuleHitSample[],
  rules: readonly ScoredRule[],
  options: RuleSuggestionOptions = DEFAULT_RULE_SUGGESTION_OPTIONS,
): RuleSuggestion[] {
  const lifts = rules.map((rule) => liftOf(samples, rule.ruleId));
  const fitted = rules.filter((_, i) => hasEnoughLeads(lifts[i], options.minLeadsPerSide));
  const weights = weightsOf(samples, fitted, options.l2);
  const scale = pointsPerLogOdds(fitted, weights);
  return rules.map((rule, i) => {
    const weight = weights.get(rule.ruleId) ?? null;
    const suggestedPoints = weight === null || scale === null ? rule.points : Math.round(weight * scale);
    return { ...lifts[i], currentPoints: rule.points, weight, suggestedPoints };
  });
}

export function liftOf(samples: readonly RuleHitSample[], ruleId: string): RuleLift {
  const hit = rateOf(samples.filter((sample) => sample.hits.has(ruleId)));
  const notHit = rateOf(samples.filter((sample) => !sample.hits.has(ruleId)));
  if (hit.rate === null || notHit.rate === null) return { ruleId, hit, notHit, lift: null, liftInterval: null };
  const lift = notHit.rate > 0 ? hit.rate / notHit.rate : null;
  return { ruleId, hit, notHit, lift, liftInterval: logLiftInterval(hit, notHit) };
}

/** The Wilson interval stays inside [0, 1] and is honest for small counts, where the normal one is not. */
export function wilsonInterval(converted: number, leads: number): [number, number] {
  const p = converted / leads;
  const z2 = Z_95 * Z_95;
  const centre = (p + z2 / (2 * leads)) / (1 + z2 / leads);
  const half = (Z_95 / (1 + z2 / leads)) * Math.sqrt((p * (1 - p)) / leads + z2 / (4 * leads * leads));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function rateOf(samples: readonly RuleHitSample[]): ConversionRate {
  const leads = samples.length;
  const converted = samples.reduce((total, sample) => total + sample.converted, 0);
  if (leads === 0) return { leads, converted, rate: null, interval: null };
  return { leads, converted, rate: converted / leads, interval: wilsonInterval(converted, leads) };
}

function logLiftInterval(hit: ConversionRate, notHit: ConversionRate): [number, number] {
  const a = hit.converted + 0.5;
  const n1 = hit.leads + 1;
  const c = notHit.converted + 0.5;
  const n2 = notHit.leads + 1;
  const logLift = Math.log(a / n1 / (c / n2));
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  return [Math.exp(logLift - Z_95 * se), Math.exp(logLift + Z_95 * se)];
}

function hasEnoughLeads(lift: RuleLift, minimum: number): boolean {
  return lift.hit.leads >= minimum && lift.notHit.leads >= minimum;
}

function weightsOf(samples: readonly RuleHitSample[], rules: readonly ScoredRule[], l2: number): Map<string, number> {
  if (rules.length === 0 || samples.length === 0) return new Map();
  const rows = samples.map((sample) => rules.map((rule) => (sample.hits.has(rule.ruleId) ? 1 : 0)));
  const fit = fitLogisticRegression(
    rows,
    samples.map((sample) => sample.converted),
    { l2 },
  );
  return new Map(rules.map((rule, j) => [rule.ruleId, fit.coefficients[j]]));
}

/**
 * Points per unit of log-odds, chosen so the suggested points of the fitted rules add up (in absolute value) to
 * what they award today: the qualification threshold keeps its meaning, and only the split between rules moves.
 */
function pointsPerLogOdds(rules: readonly ScoredRule[], weights: ReadonlyMap<string, number>): number | null {
  const points = rules.reduce((total, rule) => total + Math.abs(rule.points), 0);
  const logOdds = rules.reduce((total, rule) => total + Math.abs(weights.get(rule.ruleId) ?? 0), 0);
  return points > 0 && logOdds > 0 ? points / logOdds : null;
}
