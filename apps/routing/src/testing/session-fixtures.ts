import { randomUUID } from 'node:crypto';
import { exampleEvents } from '@handoff/contracts';
import type { Pool, RepProfile, RoutingRuleSet } from '@handoff/domain-routing';
import type { QualificationRecord } from '../assignment/assignment.types';
import { qualificationOf } from '../assignment/qualified-lead';
import type { SessionContext } from '../assignment/routing-session';

/** A Monday, 11:20 in Berlin. */
export const SESSION_NOW = '2026-03-02T10:20:00.000Z';

export function sessionRep(id: string, overrides: Partial<RepProfile> = {}): RepProfile {
  return {
    id,
    name: `Rep ${id}`,
    active: true,
    teamIds: ['sales'],
    weight: 1,
    languages: [],
    skills: [],
    timeZone: 'Europe/Berlin',
    workingHours: {},
    outOfOffice: [],
    ...overrides,
  };
}

/** Pool `inbound` over the team `sales`, round robin, 60 minutes to accept; the only route (the fallback). */
export const INBOUND: Pool = {
  id: 'inbound',
  name: 'Inbound',
  teamIds: ['sales'],
  repIds: [],
  requireWorkingHours: false,
  slaMinutes: 60,
  slaInBusinessHours: false,
  maxAttempts: 3,
};

const RULES: RoutingRuleSet = {
  version: 'test-1',
  rules: [],
  fallback: { pool: 'inbound', strategy: 'round_robin' },
  accountNameSimilarity: 0.9,
};

/** What a session reads: these reps in pool `inbound`, nobody loaded, at `now`. */
export function sessionContext(reps: RepProfile[], now = SESSION_NOW): SessionContext {
  return {
    ruleSet: RULES,
    directory: { reps, teams: [], pools: [INBOUND], territories: [], accounts: [], loads: [], capacities: [] },
    poolStates: new Map(),
    now,
    contactUrlOf: (leadId) => `http://contacts.test/leads/${leadId}`,
    newId: randomUUID,
  };
}

/** A fresh qualification of a fresh lead, as routing stores it. */
export function aQualification(): QualificationRecord {
  const event = exampleEvents.leadQualifiedV2({ eventId: randomUUID(), leadId: randomUUID() });
  return qualificationOf(event, SESSION_NOW);
}
