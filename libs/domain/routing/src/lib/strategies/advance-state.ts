import type { PoolStrategyState } from '../decision.types';

/** The pool's state once `repId` got the lead: the turn moves past them and the sequence counts one more. */
export function advanceState(state: PoolStrategyState, repId: string, credits = state.credits): PoolStrategyState {
  return { ...state, lastRepId: repId, sequence: state.sequence + 1, ...(credits === undefined ? {} : { credits }) };
}
