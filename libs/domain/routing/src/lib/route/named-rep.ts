import { DomainError } from '@handoff/shared-errors';
import { slaDeadline } from '../availability/sla-deadline';
import type { ManualMove, PoolStrategyState, RouteRequest, RoutingDecision } from '../decision.types';
import type { DirectorySnapshot, Pool } from '../directory.types';
import type { RoutingRuleSet } from '../rules.types';
import { CandidateReview } from './candidate-review';
import { failedLabels } from './ineligibility';
import { teamInPool } from './pool-members';
import { quoted } from './route-target';

/**
 * A sales manager names the rep: the rep must exist, be active and not hold the lead already, but the other
 * eligibility rules (hours, caps, out of office, pause, capacity, already tried) are the manager's call. Every
 * check is still run, so the trace shows what the move bypassed. The pool's turn order does not move: the
 * strategy did not pick.
 */
export function assignNamedRep(
  request: RouteRequest,
  move: ManualMove & { toRepId: string },
  ruleSet: RoutingRuleSet,
  directory: DirectorySnapshot,
  poolStateOf: (poolId: string) => PoolStrategyState,
): RoutingDecision {
  const rep = directory.reps.find((candidate) => candidate.id === move.toRepId);
  if (!rep) throw invalidRep(`no rep has the id ${JSON.stringify(move.toRepId)}`);
  if (!rep.active) throw invalidRep(`rep ${rep.id} is inactive`);
  if (rep.id === move.fromRepId) throw invalidRep(`the lead is already with ${rep.id}`);
  const { pool, notes } = slaPoolOf(move, ruleSet, directory);
  const review = new CandidateReview(request, directory);
  const trace = review.review(rep, pool);
  review.choose(rep.id);
  const bypassed = failedLabels(trace);
  notes.push(
    bypassed
      ? `named by a sales manager: eligibility bypassed (${bypassed})`
      : 'named by a sales manager: every eligibility check passed',
  );
  const teamId = teamInPool(rep, pool) ?? rep.teamIds[0];
  return {
    outcome: 'assigned',
    repId: rep.id,
    ...(teamId !== undefined && { teamId }),
    poolId: move.poolId,
    ruleId: move.ruleId,
    strategy: move.strategy,
    path: 'manual',
    reason:
      `Moved by a sales manager from ${move.fromRepId} to ${rep.name}${quoted(move.note)}` +
      (bypassed ? `, bypassing: ${bypassed}` : ''),
    slaDueAt: slaDeadline(request.now, pool, rep),
    trace: { rules: [], candidates: review.all, notes },
    poolState: poolStateOf(move.poolId),
  };
}

/** The pool whose SLA applies: the lead's own, or the fallback pool's when its own left the directory. */
function slaPoolOf(move: ManualMove, ruleSet: RoutingRuleSet, directory: DirectorySnapshot) {
  const own = directory.pools.find((pool) => pool.id === move.poolId);
  if (own) return { pool: own, notes: [] as string[] };
  const fallback: Pool | undefined = directory.pools.find((pool) => pool.id === ruleSet.fallback.pool);
  if (!fallback) {
    throw new DomainError(
      'conflict',
      `neither pool ${move.poolId} nor the fallback pool ${ruleSet.fallback.pool} is in the directory, so no SLA applies`,
    );
  }
  return { pool: fallback, notes: [`pool ${move.poolId} is not in the directory: the SLA is the fallback pool's`] };
}

const invalidRep = (reason: string): DomainError =>
  new DomainError('invalid', 'the rep cannot take the lead', { details: [{ field: 'repId', reasons: [reason] }] });
