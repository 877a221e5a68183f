import type { RoutingPath, RoutingStrategy } from '@handoff/shared-vocabulary';
import { matchAccount } from '../accounts/match-account';
import { slaDeadline } from '../availability/sla-deadline';
import type { AccountMatch, PoolStrategyState, RouteRequest, RoutingDecision, RoutingTrace } from '../decision.types';
import type { DirectorySnapshot, Pool, RepProfile } from '../directory.types';
import type { RoutingRuleSet } from '../rules.types';
import { territoriesOf } from '../territories/territories-of';
import { CandidateReview, type ReviewOutcome } from './candidate-review';
import { describeIneligible, firstFailure } from './ineligibility';
import { assignNamedRep } from './named-rep';
import { poolMembers, teamInPool, teamMembers } from './pool-members';
import { needsAccountMatch, routeTargetOf, type RouteTarget } from './route-target';

interface Assignment {
  rep: RepProfile;
  path: RoutingPath;
  teamId?: string;
  poolState: PoolStrategyState;
  /** The last clause of the reason: who was picked and how. */
  why: string;
}

/** The account step's result: an assignment, or the clause explaining why the lead went on to the pool. */
type OwnerStep = { assignment: Assignment; story?: undefined } | { assignment?: undefined; story: string };

interface Decision {
  directory: DirectorySnapshot;
  target: RouteTarget;
  pool: Pool;
  state: PoolStrategyState;
  review: CandidateReview;
  notes: string[];
}

/**
 * One routing decision: the rule (or fallback) for the lead, then its account's owner and the owner's team when the
 * rule asks for it, then the rule's pool through its strategy. Nobody eligible queues the lead in that pool. A
 * manual move keeps the lead's pool and goes to the rep the manager named, or else through the pool's strategy.
 */
export function routeLead(
  request: RouteRequest,
  ruleSet: RoutingRuleSet,
  directory: DirectorySnapshot,
  poolStateOf: (poolId: string) => PoolStrategyState,
): RoutingDecision {
  const toRepId = request.manualMove?.toRepId;
  if (request.manualMove && toRepId !== undefined) {
    return assignNamedRep(request, { ...request.manualMove, toRepId }, ruleSet, directory, poolStateOf);
  }
  const accountMatch = needsAccountMatch(request, ruleSet)
    ? matchAccount(request.lead, directory.accounts, ruleSet.accountNameSimilarity)
    : undefined;
  const target = routeTargetOf(request, ruleSet, {
    territoryIds: territoriesOf(request.lead, directory.territories),
    ...(accountMatch?.segment !== undefined && { accountSegment: accountMatch.segment }),
  });
  const review = new CandidateReview(request, directory);
  const notes: string[] = [];
  const state = poolStateOf(target.poolId);
  const traceOf = (): RoutingTrace => ({
    rules: target.rules,
    ...(accountMatch && { accountMatch }),
    candidates: review.all,
    ...(notes.length > 0 && { notes }),
  });
  const pool = directory.pools.find((candidate) => candidate.id === target.poolId);
  if (!pool) {
    notes.push(`pool ${target.poolId} is not in the directory`);
    const reason = `${target.because}; pool ${target.poolId} is not in the directory, so nobody is eligible`;
    return { ...queued(target, reason), trace: traceOf(), poolState: state };
  }
  const decision: Decision = { directory, target, pool, state, review, notes };
  const ownerId = target.accountOwnerFirst ? accountMatch?.ownerRepId : undefined;
  const owner = accountMatch && ownerId ? viaAccountOwner(decision, accountMatch, ownerId) : undefined;
  const prefix = owner?.story ? `${target.because}; ${owner.story}` : target.because;
  const outcome = owner?.assignment ? { assignment: owner.assignment } : viaPool(decision);
  if (!outcome.assignment) {
    return { ...queued(target, `${prefix}; ${outcome.ineligible}`), trace: traceOf(), poolState: state };
  }
  const { rep, path, teamId, poolState, why } = outcome.assignment;
  return {
    outcome: 'assigned',
    repId: rep.id,
    ...(teamId !== undefined && { teamId }),
    poolId: pool.id,
    ruleId: target.ruleId,
    strategy: target.strategy,
    path,
    reason: `${prefix}; ${why}`,
    slaDueAt: slaDeadline(request.now, pool, rep),
    trace: traceOf(),
    poolState,
  };
}

function queued(target: RouteTarget, reason: string) {
  const { poolId, ruleId, strategy } = target;
  return { outcome: 'queued' as const, poolId, ruleId, strategy, reason };
}

function viaPool(decision: Decision): { assignment: Assignment } | { assignment?: undefined; ineligible: string } {
  const { pool, target, directory, notes } = decision;
  const { members, unknownRepIds } = poolMembers(pool, directory.reps);
  if (unknownRepIds.length > 0) {
    notes.push(`pool ${pool.id} names reps not in the directory: ${unknownRepIds.join(', ')}`);
  }
  const outcome = decision.review.pick(members, pool, target.strategy, decision.state);
  if (!outcome.picked) return { ineligible: describeIneligible(pool.id, outcome.traces) };
  const teamId = teamInPool(outcome.picked, pool);
  return {
    assignment: {
      rep: outcome.picked,
      path: target.path,
      ...(teamId !== undefined && { teamId }),
      poolState: outcome.pick.state,
      why: pickedBy(target.strategy, outcome),
    },
  };
}

/** The account's owner when eligible, else the owner's (first) team through the rule's strategy. */
function viaAccountOwner(decision: Decision, account: AccountMatch, ownerId: string): OwnerStep {
  const { directory, pool, review, target } = decision;
  const named = directory.accounts.find((candidate) => candidate.id === account.accountId)?.name ?? account.accountId;
  const evidence = account.reasons.map((item) => item.reason.replace('_', ' ')).join(', ');
  const accountText = `account ${named} (${evidence}, confidence ${Math.round(account.confidence * 100) / 100})`;
  const owner = directory.reps.find((rep) => rep.id === ownerId);
  if (!owner) {
    decision.notes.push(`account owner ${ownerId} is not in the directory`);
    return { story: `${accountText} has owner ${ownerId}, who is not in the directory` };
  }
  const ownerTrace = review.review(owner, pool);
  if (ownerTrace.eligible) {
    review.choose(owner.id);
    const teamId = teamInPool(owner, pool);
    const why = `${accountText} goes to its owner ${owner.name}`;
    return {
      assignment: { rep: owner, path: 'account_owner', ...(teamId && { teamId }), poolState: decision.state, why },
    };
  }
  const unavailable = `${accountText} has owner ${owner.name}, unavailable (${firstFailure(ownerTrace)})`;
  const teamId = owner.teamIds[0];
  if (teamId === undefined) return { story: `${unavailable}, who has no team` };
  const outcome = review.pick(teamMembers(teamId, directory.reps), pool, target.strategy, decision.state);
  if (!outcome.picked) return { story: `${unavailable}, and nobody in team ${teamId} is eligible` };
  const why = `${unavailable}, so in team ${teamId} ${pickedBy(target.strategy, outcome)}`;
  return { assignment: { rep: outcome.picked, path: 'owner_team', teamId, poolState: outcome.pick.state, why } };
}

/** `weighted round robin picked Ana Silva (credit 2.5, 4 eligible)`. */
function pickedBy(strategy: RoutingStrategy, outcome: Extract<ReviewOutcome, { picked: RepProfile }>): string {
  const detail = outcome.pick.scores.find((score) => score.repId === outcome.picked.id)?.detail;
  const eligible = `${outcome.eligibleCount} eligible`;
  return `${strategy.replace(/_/g, ' ')} picked ${outcome.picked.name} (${detail ? `${detail}, ${eligible}` : eligible})`;
}
