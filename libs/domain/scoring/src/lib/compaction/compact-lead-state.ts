import type { BehaviourRule, ScoringModel } from '../model/scoring-model.types';
import type { Contribution, LeadState } from '../state/lead-state';
import { DAY_MS, toMillis, type Instant } from '../time';
import { emptyFoldedHistory, foldContributions, revalueAt } from './folded-history';

/**
 * How far back a lead's contributions stay one by one: scores read for an instant within it (`?at=`) are
 * exact, and a late event within it is capped exactly as if it had arrived in order.
 */
export const DEFAULT_EXACT_HISTORY_DAYS = 90;

/** The compaction horizon for a lead written at `now`. */
export function compactionHorizon(now: Instant, exactHistoryDays = DEFAULT_EXACT_HISTORY_DAYS): number {
  return toMillis(now) - exactHistoryDays * DAY_MS;
}

/**
 * Folds the contributions that occurred before `horizon` into `state.folded` (see `FoldedHistory`): the score
 * at any instant from the horizon on is unchanged, and the state holds only recent contributions plus a few
 * sums per rule. Two kinds of contribution are kept however old, so their caps stay exact:
 * - a window-capped rule's contributions within one window length before the horizon, so the window of an
 *   event at or after the horizon never reaches a folded contribution;
 * - a once-per-lead rule's award (at most one per rule), so a late earlier event or a merge still moves it.
 * The horizon never moves back; the state is returned as is when nothing is old enough to fold.
 */
export function compactLeadState(state: LeadState, model: ScoringModel, horizon: Instant): LeadState {
  const exactFromMs = Math.max(toMillis(horizon), state.folded ? toMillis(state.folded.exactFrom) : -Infinity);
  const rules = new Map(model.behaviour.rules.map((rule) => [rule.id, rule]));
  const kept: Contribution[] = [];
  const folding: Contribution[] = [];
  for (const contribution of state.contributions) {
    const foldable = isFoldable(contribution, rules.get(contribution.ruleId), exactFromMs);
    (foldable ? folding : kept).push(contribution);
  }
  if (folding.length === 0) return state;
  const base = state.folded ? revalueAt(state.folded, exactFromMs) : emptyFoldedHistory(exactFromMs);
  return { ...state, contributions: kept, folded: foldContributions(base, folding) };
}

/** Rules no longer in the model are never re-derived, so any of their contributions may fold. */
function isFoldable(contribution: Contribution, rule: BehaviourRule | undefined, exactFromMs: number): boolean {
  if (rule?.frequency === 'once_per_lead' && contribution.awarded !== 0) return false;
  const windowMs = (rule?.window?.days ?? 0) * DAY_MS;
  return toMillis(contribution.occurredAt) < exactFromMs - windowMs;
}
