import type { PoolStrategyState } from '../decision.types';
import type { RepCapacity, RepProfile } from '../directory.types';
import { advanceState } from './advance-state';
import type { SelectionStrategy, StrategyCandidate, StrategyPick, StrategyScore } from './selection-strategy';
import { SmoothWeightedRoundRobinStrategy } from './smooth-weighted-round-robin.strategy';
import { sortedCandidates, turnLabel, turnPositions } from './turn-order';

/**
 * Follows quota's `rep.capacity.v1` figures. When at least one eligible rep has figures with capacity left
 * (available, remaining > 0), the lead goes to one of those: most remaining capacity, then furthest behind
 * pace (largest pace gap), then lowest attainment, then round-robin turn. Reps without figures wait meanwhile.
 * When no eligible rep has capacity left on record, smooth weighted round robin chooses among all eligible.
 * Capacity-ranked picks leave the weighted credits as they are, so a fallback resumes the weighted sequence
 * where it stopped. Score: remaining lead capacity (0 without figures), or the weighted score on fallback.
 */
export class CapacityAwareStrategy implements SelectionStrategy {
  readonly name = 'capacity_aware' as const;
  private readonly weighted = new SmoothWeightedRoundRobinStrategy();

  pick(eligible: StrategyCandidate[], members: RepProfile[], state: PoolStrategyState): StrategyPick {
    const candidates = sortedCandidates(eligible);
    const withCapacity = candidates.filter(hasCapacityLeft);
    if (withCapacity.length === 0) {
      const pick = this.weighted.pick(candidates, members, state);
      const scores = pick.scores.map((s) => ({
        ...s,
        detail: `no eligible rep has capacity left, weighted: ${s.detail}`,
      }));
      return { ...pick, scores };
    }

    const positions = turnPositions(
      withCapacity.map((c) => c.rep.id),
      state.lastRepId,
    );
    const ranked = withCapacity
      .map((c) => ({ repId: c.rep.id, capacity: c.capacity, turn: positions.get(c.rep.id) ?? 0 }))
      .sort(
        (a, b) =>
          b.capacity.remainingLeadCapacity - a.capacity.remainingLeadCapacity ||
          b.capacity.paceGap - a.capacity.paceGap ||
          a.capacity.attainmentRatio - b.capacity.attainmentRatio ||
          a.turn - b.turn,
      );
    const chosen = ranked[0].repId;
    const scores = candidates.map(
      (c): StrategyScore => ({
        repId: c.rep.id,
        score: c.capacity?.remainingLeadCapacity ?? 0,
        detail: hasCapacityLeft(c)
          ? rankedDetail(c.capacity, positions.get(c.rep.id) ?? 0, state)
          : whyNotRanked(c.capacity),
      }),
    );
    return { repId: chosen, state: advanceState(state, chosen), scores };
  }
}

function hasCapacityLeft(candidate: StrategyCandidate): candidate is StrategyCandidate & { capacity: RepCapacity } {
  const { capacity } = candidate;
  return capacity !== undefined && capacity.available && capacity.remainingLeadCapacity > 0;
}

function rankedDetail(capacity: RepCapacity, turn: number, state: PoolStrategyState): string {
  const pace =
    capacity.paceGap > 0
      ? `${capacity.paceGap} behind pace`
      : capacity.paceGap < 0
        ? `${-capacity.paceGap} ahead of pace`
        : 'on pace';
  const attained = `${Number((capacity.attainmentRatio * 100).toFixed(1))}% of quota attained`;
  return `${leads(capacity.remainingLeadCapacity)} of capacity left, ${pace}, ${attained}, ${turnLabel(turn, state.lastRepId)}`;
}

function whyNotRanked(capacity: RepCapacity | undefined): string {
  if (capacity === undefined)
    return 'no capacity figures from quota, so only used when no eligible rep has capacity left';
  if (!capacity.available) return 'quota reports the rep unavailable';
  return `no capacity left (${leads(capacity.remainingLeadCapacity)})`;
}

const leads = (count: number): string => `${count} ${count === 1 ? 'lead' : 'leads'}`;
