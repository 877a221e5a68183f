import type { LeadToRoute, PoolStrategyState, RouteRequest } from '../lib/decision.types';
import type { Account, DirectorySnapshot, Pool, RepProfile, Territory, WeeklyHours } from '../lib/directory.types';
import type { RoutingRule, RoutingRuleSet } from '../lib/rules.types';

/** Monday to Friday, 09:00-17:00 local time. */
export const OFFICE_HOURS: WeeklyHours = {
  mon: [{ start: '09:00', end: '17:00' }],
  tue: [{ start: '09:00', end: '17:00' }],
  wed: [{ start: '09:00', end: '17:00' }],
  thu: [{ start: '09:00', end: '17:00' }],
  fri: [{ start: '09:00', end: '17:00' }],
};

/** A Wednesday, 10:00 in Berlin (winter time). */
export const NOW = '2026-01-14T09:00:00.000Z';

export function rep(id: string, overrides: Partial<RepProfile> = {}): RepProfile {
  return {
    id,
    name: `Rep ${id}`,
    active: true,
    teamIds: [],
    weight: 1,
    languages: ['en'],
    skills: [],
    timeZone: 'Europe/Berlin',
    workingHours: OFFICE_HOURS,
    outOfOffice: [],
    ...overrides,
  };
}

export function pool(id: string, overrides: Partial<Pool> = {}): Pool {
  return {
    id,
    name: `Pool ${id}`,
    teamIds: [],
    repIds: [],
    requireWorkingHours: false,
    slaMinutes: 60,
    slaInBusinessHours: false,
    maxAttempts: 3,
    ...overrides,
  };
}

export function territory(id: string, overrides: Partial<Territory> = {}): Territory {
  return { id, name: `Territory ${id}`, countries: [], regions: [], postalPrefixes: [], ...overrides };
}

export function account(id: string, overrides: Partial<Account> = {}): Account {
  return { id, name: `Account ${id}`, domains: [], ...overrides };
}

export function lead(overrides: Partial<LeadToRoute> = {}): LeadToRoute {
  return { leadId: 'lead-1', qualificationId: 'q-1', grade: 'A', behaviourScore: 80, fitScore: 70, ...overrides };
}

export function directory(overrides: Partial<DirectorySnapshot> = {}): DirectorySnapshot {
  return { reps: [], teams: [], pools: [], territories: [], accounts: [], loads: [], capacities: [], ...overrides };
}

export function rule(id: string, overrides: Partial<RoutingRule> = {}): RoutingRule {
  return { id, when: {}, pool: 'main', strategy: 'round_robin', accountOwnerFirst: false, ...overrides };
}

export function ruleSet(rules: RoutingRule[], overrides: Partial<RoutingRuleSet> = {}): RoutingRuleSet {
  return {
    version: 'v1',
    rules,
    fallback: { pool: 'general', strategy: 'round_robin' },
    accountNameSimilarity: 0.9,
    ...overrides,
  };
}

export function request(overrides: Partial<RouteRequest> = {}): RouteRequest {
  return {
    lead: lead(),
    trigger: 'qualified',
    triedRepIds: [],
    attempt: 0,
    forceFallback: false,
    now: NOW,
    ...overrides,
  };
}

export const freshState = (): PoolStrategyState => ({ sequence: 0 });
