import type { PoolStrategyState } from '../decision.types';
import type { RepProfile } from '../directory.types';
import { advanceState } from './advance-state';
import type { SelectionStrategy, StrategyCandidate, StrategyPick } from './selection-strategy';
import { sortedCandidates, turnLabel, turnPositions } from './turn-order';

/**
 * Fewest open leads (no load on record counts as none); equal loads go by round-robin turn, so two equally
 * loaded reps alternate instead of the lower id always winning. Score: open leads.
 */
export class LeastLoadedStrategy implements SelectionStrategy {
  readonly name = 'least_loaded' as const;

  pick(eligible: StrategyCandidate[], _members: RepProfile[], state: PoolStrategyState): StrategyPick {
    const candidates = sortedCandidates(eligible);
    const positions = turnPositions(
      candidates.map((c) => c.rep.id),
      state.lastRepId,
    );
    const ranked = candidates
      .map((c) => ({ repId: c.rep.id, open: c.load?.openLeads ?? 0, turn: positions.get(c.rep.id) ?? 0 }))
      .sort((a, b) => a.open - b.open || a.turn - b.turn);
    const chosen = ranked[0].repId;
    const byId = new Map(ranked.map((r) => [r.repId, r]));
    const scores = candidates.map(({ rep, load }) => {
      const { open, turn } = byId.get(rep.id) ?? { open: 0, turn: 0 };
      const openText = load === undefined ? 'no open leads on record' : `${open} open ${open === 1 ? 'lead' : 'leads'}`;
      return { repId: rep.id, score: open, detail: `${openText}, ${turnLabel(turn, state.lastRepId)}` };
    });
    return { repId: chosen, state: advanceState(state, chosen), scores };
  }
}
