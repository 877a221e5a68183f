import { applyEngagement } from '../lib/behaviour/apply-engagement';
import type { Engagement } from '../lib/behaviour/engagement';
import type { BehaviourModel, BehaviourRule, ScoringModel } from '../lib/model/scoring-model.types';
import type { LeadProfile } from '../lib/state/lead-profile';
import { createLeadState, type LeadState, type LedgerEntry } from '../lib/state/lead-state';
import { DAY_MS } from '../lib/time';

export const T0 = Date.parse('2026-01-01T00:00:00.000Z');

/** ISO time `days` after T0 (fractions allowed). */
export const day = (days: number): string => new Date(T0 + days * DAY_MS).toISOString();

export function rule(overrides: Partial<BehaviourRule> & { id: string }): BehaviourRule {
  return {
    label: `Rule ${overrides.id}`,
    activityType: 'page_view',
    filters: [],
    points: 10,
    frequency: 'repeatable',
    ...overrides,
  };
}

export function modelWith(
  rules: BehaviourRule[],
  overrides: Partial<Omit<BehaviourModel, 'rules'>> & Partial<Omit<ScoringModel, 'behaviour'>> = {},
): ScoringModel {
  const { groups = [], halfLifeDays = 30, totalLimit, ...rest } = overrides;
  return {
    id: 'test',
    version: 'v1',
    name: 'Test model',
    behaviour: { rules, groups, halfLifeDays, ...(totalLimit === undefined ? {} : { totalLimit }) },
    fit: { rules: [], grades: { A: 60, B: 40, C: 20 } },
    qualification: { minBehaviour: 50, minGrade: 'B' },
    ...rest,
  };
}

export function engagement(
  eventId: string,
  type: string,
  atDay: number,
  extra: { properties?: Record<string, unknown>; profile?: LeadProfile; customType?: string } = {},
): Engagement {
  return { eventId, type, occurredAt: day(atDay), properties: extra.properties ?? {}, ...extra };
}

/** Applies engagements in the given (arrival) order and collects every ledger entry. */
export function applyAll(
  engagements: Engagement[],
  model: ScoringModel,
  state: LeadState = createLeadState('lead-1'),
): { state: LeadState; ledger: LedgerEntry[] } {
  const ledger: LedgerEntry[] = [];
  for (const item of engagements) {
    const result = applyEngagement(state, item, model);
    state = result.state;
    ledger.push(...result.ledger);
  }
  return { state, ledger };
}

export const awardsOf = (state: LeadState): Record<string, number> =>
  Object.fromEntries(state.contributions.map((c) => [`${c.eventId}/${c.ruleId}`, c.awarded]));
