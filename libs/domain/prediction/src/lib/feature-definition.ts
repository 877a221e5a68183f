import { ACTIVITY_TYPES, SENIORITIES } from '@handoff/shared-vocabulary';
import { daysBetween, type EngagementHistory, velocityAt } from './engagement-history';

/** A lead at one instant, as the model reads it: its engagement, fit attributes and rule scores. */
export interface LeadSnapshot {
  at: number;
  engagement: EngagementHistory;
  profile: { seniority?: string; industry?: string; employeeCount?: number; country?: string };
  source?: string;
  /** Decayed behaviour points per rule group and the fit score, as the rule model computed them at `at`. */
  scores: { behaviourByGroup: Record<string, number>; fit: number };
}

/**
 * The one feature definition training, live prediction and backtests share. The open vocabularies (industries,
 * countries, sources, rule groups) are fixed when a model is trained, from what its history holds, and stored
 * with the model version; a value outside them counts as "other".
 */
export interface FeatureDefinition {
  industries: string[];
  countries: string[];
  sources: string[];
  groups: string[];
}

/** Employee-count bands (lower bounds) of the company-size feature. */
export const COMPANY_SIZE_BANDS = [1, 10, 50, 250, 1000, 5000] as const;
/** Days since an activity are capped here: beyond it, "long ago" is all a model can use. */
export const RECENCY_CAP_DAYS = 90;
/** A category needs this many training leads to get a feature of its own. */
const MIN_CATEGORY_LEADS = 10;

export function featureNamesOf(definition: FeatureDefinition): string[] {
  return [
    ...ACTIVITY_TYPES.flatMap((type) => [`count:${type}`, `days_since:${type}`]),
    'velocity_7d',
    'days_since_first',
    ...definition.groups.map((group) => `behaviour:${group}`),
    'fit_score',
    ...SENIORITIES.map((seniority) => `seniority:${seniority}`),
    ...COMPANY_SIZE_BANDS.map((band) => `company_size:${band}+`),
    ...oneHotNames('industry', definition.industries),
    ...oneHotNames('country', definition.countries),
    ...oneHotNames('source', definition.sources),
  ];
}

export function featureVectorOf(definition: FeatureDefinition, lead: LeadSnapshot): number[] {
  const { engagement, profile, at } = lead;
  return [
    ...ACTIVITY_TYPES.flatMap((type) => {
      const last = engagement.lastAt[type];
      const days = last === undefined ? RECENCY_CAP_DAYS : Math.min(RECENCY_CAP_DAYS, daysBetween(last, at));
      return [Math.log1p(engagement.counts[type] ?? 0), days / RECENCY_CAP_DAYS];
    }),
    Math.log1p(velocityAt(engagement, at)),
    engagement.firstAt === null ? 0 : Math.log1p(daysBetween(engagement.firstAt, at)),
    ...definition.groups.map((group) => lead.scores.behaviourByGroup[group] ?? 0),
    lead.scores.fit,
    ...SENIORITIES.map((seniority) => (profile.seniority === seniority ? 1 : 0)),
    ...COMPANY_SIZE_BANDS.map((band, i) => (sizeBandOf(profile.employeeCount) === i ? 1 : 0)),
    ...oneHot(definition.industries, profile.industry),
    ...oneHot(definition.countries, profile.country),
    ...oneHot(definition.sources, lead.source),
  ];
}

/** The vocabularies from a training history: categories common enough to learn from, sorted for stable names. */
export function featureDefinitionFrom(leads: readonly LeadSnapshot[]): FeatureDefinition {
  return {
    industries: commonValues(leads.map((lead) => lead.profile.industry)),
    countries: commonValues(leads.map((lead) => lead.profile.country)),
    sources: commonValues(leads.map((lead) => lead.source)),
    groups: [...new Set(leads.flatMap((lead) => Object.keys(lead.scores.behaviourByGroup)))].sort(),
  };
}

function sizeBandOf(employeeCount: number | undefined): number {
  if (employeeCount === undefined) return -1;
  let band = -1;
  COMPANY_SIZE_BANDS.forEach((lower, i) => {
    if (employeeCount >= lower) band = i;
  });
  return band;
}

function oneHotNames(prefix: string, values: readonly string[]): string[] {
  return [...values.map((value) => `${prefix}:${value}`), `${prefix}:other`];
}

function oneHot(values: readonly string[], value: string | undefined): number[] {
  const index = value === undefined ? -1 : values.indexOf(value);
  return [...values.map((_, i) => (i === index ? 1 : 0)), value !== undefined && index === -1 ? 1 : 0];
}

function commonValues(values: readonly (string | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= MIN_CATEGORY_LEADS)
    .map(([value]) => value)
    .sort();
}
