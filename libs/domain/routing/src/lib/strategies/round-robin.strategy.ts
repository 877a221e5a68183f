import type { PoolStrategyState } from '../decision.types';
import type { RepProfile } from '../directory.types';
import { advanceState } from './advance-state';
import type { SelectionStrategy, StrategyCandidate, StrategyPick } from './selection-strategy';
import { sortedCandidates, turnLabel, turnPositions } from './turn-order';

/**
 * Persistent turn order: the next eligible rep after the one who got the last lead, in rep id order,
 * wrapping. A rep who is not eligible loses that turn; nothing is owed on return. Score: turn position (1 = next).
 */
export class RoundRobinStrategy implements SelectionStrategy {
  readonly name = 'round_robin' as const;

  pick(eligible: StrategyCandidate[], _members: RepProfile[], state: PoolStrategyState): StrategyPick {
    const candidates = sortedCandidates(eligible);
    const positions = turnPositions(
      candidates.map((c) => c.rep.id),
      state.lastRepId,
    );
    const scores = candidates.map(({ rep }) => {
      const position = positions.get(rep.id) ?? 0;
      return { repId: rep.id, score: position, detail: turnLabel(position, state.lastRepId) };
    });
    const chosen = scores.find((s) => s.score === 1) ?? scores[0];
    return { repId: chosen.repId, state: advanceState(state, chosen.repId), scores };
  }
}
