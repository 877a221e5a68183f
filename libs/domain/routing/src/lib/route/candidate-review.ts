import type { RoutingStrategy } from '@handoff/shared-vocabulary';
import { checkEligibility, isEligible } from '../availability/check-eligibility';
import type { CandidateTrace, PoolStrategyState, RouteRequest } from '../decision.types';
import type { DirectorySnapshot, Pool, RepCapacity, RepLoad, RepProfile } from '../directory.types';
import { strategyFor, type StrategyCandidate, type StrategyPick } from '../strategies';

export type ReviewOutcome =
  | { picked: RepProfile; pick: StrategyPick; eligibleCount: number }
  | { picked?: undefined; traces: CandidateTrace[] };

/**
 * The candidates of one decision: each rep is checked once (a rep met again, as account owner and pool member,
 * keeps its first trace), and the trace records every check and the strategy's scores.
 */
export class CandidateReview {
  private readonly traces = new Map<string, CandidateTrace>();
  private readonly candidates = new Map<string, StrategyCandidate>();
  private readonly loads: ReadonlyMap<string, RepLoad>;
  private readonly capacities: ReadonlyMap<string, RepCapacity>;

  constructor(
    private readonly request: RouteRequest,
    directory: DirectorySnapshot,
  ) {
    this.loads = new Map(directory.loads.map((load) => [load.repId, load]));
    this.capacities = new Map(directory.capacities.map((capacity) => [capacity.repId, capacity]));
  }

  /** Every check of one rep against `pool`'s requirements. */
  review(rep: RepProfile, pool: Pool): CandidateTrace {
    const known = this.traces.get(rep.id);
    if (known) return known;
    const load = this.loads.get(rep.id);
    const capacity = this.capacities.get(rep.id);
    const { now, triedRepIds } = this.request;
    const checks = checkEligibility(rep, { now, pool, load, capacity, triedRepIds });
    const trace: CandidateTrace = { repId: rep.id, eligible: isEligible(checks), checks, chosen: false };
    this.traces.set(rep.id, trace);
    if (trace.eligible) this.candidates.set(rep.id, { rep, ...(load && { load }), ...(capacity && { capacity }) });
    return trace;
  }

  /** The strategy's pick among the eligible `members`, or every member's trace when nobody is eligible. */
  pick(members: readonly RepProfile[], pool: Pool, strategy: RoutingStrategy, state: PoolStrategyState): ReviewOutcome {
    const traces = members.map((rep) => this.review(rep, pool));
    const eligible = members.flatMap((rep) => this.candidates.get(rep.id) ?? []);
    if (eligible.length === 0) return { traces };
    const pick = strategyFor(strategy).pick(eligible, [...members], state);
    for (const score of pick.scores) {
      const trace = this.traces.get(score.repId);
      if (trace) Object.assign(trace, { strategyScore: score.score, strategyDetail: score.detail });
    }
    const picked = eligible.find((candidate) => candidate.rep.id === pick.repId)?.rep;
    if (!picked) throw new Error(`strategy ${strategy} picked ${pick.repId}, who is not an eligible candidate`);
    this.choose(picked.id);
    return { picked, pick, eligibleCount: eligible.length };
  }

  choose(repId: string): void {
    const trace = this.traces.get(repId);
    if (trace) trace.chosen = true;
  }

  get all(): CandidateTrace[] {
    return [...this.traces.values()];
  }
}
