import type { RoutingPath } from '@handoff/shared-vocabulary';
import type { LeadToRoute, PoolStrategyState, RoutingDecision } from '../decision.types';
import type { DirectorySnapshot, RepLoad } from '../directory.types';
import type { RoutingRuleSet } from '../rules.types';
import { routeLead } from '../route/route-lead';
import { firstRouteRequest } from '../route/route-request';

/** Where one lead went under one rule set. */
export interface BacktestOutcome {
  outcome: RoutingDecision['outcome'];
  repId?: string;
  poolId: string;
  ruleId: string;
  path?: RoutingPath;
}

export interface BacktestLeadResult {
  leadId: string;
  qualificationId: string;
  current: BacktestOutcome;
  candidate: BacktestOutcome;
  repChanged: boolean;
  poolChanged: boolean;
  ruleChanged: boolean;
}

export interface RepShare {
  assignments: number;
  /** Of all leads assigned under that rule set, 0..1. */
  share: number;
}

export interface BacktestRepResult {
  repId: string;
  current: RepShare;
  candidate: RepShare;
  /** Candidate minus current. */
  assignmentsDifference: number;
  shareDifference: number;
}

/** The leads one rule or pool took under one rule set: assigned to a rep, or left waiting in the pool's queue. */
export interface BacktestTally {
  assigned: number;
  queued: number;
}

export interface BacktestGroupResult {
  /** The rule id (`fallback` for the fallback route) or the pool id. */
  id: string;
  current: BacktestTally;
  candidate: BacktestTally;
  /** Candidate minus current, assigned and queued together. */
  leadsDifference: number;
}

export interface BacktestReport {
  leads: number;
  changed: { rep: number; pool: number; rule: number };
  queued: { current: number; candidate: number };
  /** Every rule that took a lead under either rule set, by id. */
  perRule: BacktestGroupResult[];
  /** Every pool that took a lead under either rule set, by id. */
  perPool: BacktestGroupResult[];
  perLead: BacktestLeadResult[];
  /** Every rep assigned a lead under either rule set, in directory order. */
  perRep: BacktestRepResult[];
}

/**
 * Replays the leads in order under both rule sets as if they arrived at `now`, each from fresh pool states and the
 * directory's loads, counting loads up as the replay assigns, so caps and least-loaded picks behave as they would.
 */
export function backtestRules(
  leads: readonly LeadToRoute[],
  current: RoutingRuleSet,
  candidate: RoutingRuleSet,
  directory: DirectorySnapshot,
  now: string,
): BacktestReport {
  const before = replay(leads, current, directory, now);
  const after = replay(leads, candidate, directory, now);
  const perLead = leads.map((lead, index) => compare(lead, before[index], after[index]));
  return {
    leads: leads.length,
    changed: {
      rep: perLead.filter((result) => result.repChanged).length,
      pool: perLead.filter((result) => result.poolChanged).length,
      rule: perLead.filter((result) => result.ruleChanged).length,
    },
    queued: { current: countQueued(before), candidate: countQueued(after) },
    perRule: groupResults(before, after, (outcome) => outcome.ruleId),
    perPool: groupResults(before, after, (outcome) => outcome.poolId),
    perLead,
    perRep: repShares(directory, before, after),
  };
}

function replay(
  leads: readonly LeadToRoute[],
  ruleSet: RoutingRuleSet,
  directory: DirectorySnapshot,
  now: string,
): BacktestOutcome[] {
  const states = new Map<string, PoolStrategyState>();
  const loads = new Map(directory.loads.map((load) => [load.repId, { ...load }]));
  return leads.map((lead) => {
    const decision = routeLead(
      firstRouteRequest(lead, now),
      ruleSet,
      { ...directory, loads: [...loads.values()] },
      (poolId) => states.get(poolId) ?? { sequence: 0 },
    );
    if (decision.outcome === 'queued') return { outcome: 'queued', poolId: decision.poolId, ruleId: decision.ruleId };
    states.set(decision.poolId, decision.poolState);
    loads.set(decision.repId, assignedOnce(loads.get(decision.repId), decision.repId));
    const { repId, poolId, ruleId, path } = decision;
    return { outcome: 'assigned', repId, poolId, ruleId, path };
  });
}

function assignedOnce(load: RepLoad | undefined, repId: string): RepLoad {
  const { assignedToday = 0, assignedLast30Days = 0, openLeads = 0 } = load ?? {};
  return {
    repId,
    assignedToday: assignedToday + 1,
    assignedLast30Days: assignedLast30Days + 1,
    openLeads: openLeads + 1,
  };
}

function compare(lead: LeadToRoute, current: BacktestOutcome, candidate: BacktestOutcome): BacktestLeadResult {
  return {
    leadId: lead.leadId,
    qualificationId: lead.qualificationId,
    current,
    candidate,
    repChanged: current.repId !== candidate.repId,
    poolChanged: current.poolId !== candidate.poolId,
    ruleChanged: current.ruleId !== candidate.ruleId,
  };
}

const countQueued = (outcomes: readonly BacktestOutcome[]): number =>
  outcomes.filter((outcome) => outcome.outcome === 'queued').length;

function sharesOf(outcomes: readonly BacktestOutcome[]): (repId: string) => RepShare {
  const counts = new Map<string, number>();
  for (const { repId } of outcomes) if (repId !== undefined) counts.set(repId, (counts.get(repId) ?? 0) + 1);
  const total = outcomes.length - countQueued(outcomes);
  return (repId) => {
    const assignments = counts.get(repId) ?? 0;
    return { assignments, share: total === 0 ? 0 : assignments / total };
  };
}

function repShares(
  directory: DirectorySnapshot,
  before: readonly BacktestOutcome[],
  after: readonly BacktestOutcome[],
): BacktestRepResult[] {
  const currentShare = sharesOf(before);
  const candidateShare = sharesOf(after);
  return directory.reps
    .map(({ id }) => ({ repId: id, current: currentShare(id), candidate: candidateShare(id) }))
    .filter(({ current, candidate }) => current.assignments > 0 || candidate.assignments > 0)
    .map((result) => ({
      ...result,
      assignmentsDifference: result.candidate.assignments - result.current.assignments,
      shareDifference: result.candidate.share - result.current.share,
    }));
}

function talliesBy(
  outcomes: readonly BacktestOutcome[],
  groupOf: (outcome: BacktestOutcome) => string,
): Map<string, BacktestTally> {
  const tallies = new Map<string, BacktestTally>();
  for (const outcome of outcomes) {
    const tally = tallies.get(groupOf(outcome)) ?? { assigned: 0, queued: 0 };
    tally[outcome.outcome] += 1;
    tallies.set(groupOf(outcome), tally);
  }
  return tallies;
}

function groupResults(
  before: readonly BacktestOutcome[],
  after: readonly BacktestOutcome[],
  groupOf: (outcome: BacktestOutcome) => string,
): BacktestGroupResult[] {
  const current = talliesBy(before, groupOf);
  const candidate = talliesBy(after, groupOf);
  const none: BacktestTally = { assigned: 0, queued: 0 };
  const total = (tally: BacktestTally) => tally.assigned + tally.queued;
  return [...new Set([...current.keys(), ...candidate.keys()])].sort().map((id) => {
    const [was, would] = [current.get(id) ?? none, candidate.get(id) ?? none];
    return { id, current: was, candidate: would, leadsDifference: total(would) - total(was) };
  });
}
