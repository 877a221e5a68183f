import type { RoutingStrategy } from '@handoff/shared-vocabulary';
import type { PoolStrategyState } from '../decision.types';
import type { RepCapacity, RepLoad, RepProfile } from '../directory.types';

/** An eligible rep with the figures a strategy may rank by. */
export interface StrategyCandidate {
  rep: RepProfile;
  load?: RepLoad;
  capacity?: RepCapacity;
}

/** What the strategy saw in one candidate: the figure it ranked by and why, for the decision trace. */
export interface StrategyScore {
  repId: string;
  score: number;
  detail: string;
}

export interface StrategyPick {
  repId: string;
  /** The pool's state after this assignment (`sequence` incremented, `lastRepId` the chosen rep). */
  state: PoolStrategyState;
  /** One score per eligible candidate, in rep id order. */
  scores: StrategyScore[];
}

/** Chooses one rep among the eligible ones of a pool; pure: the same input always gives the same pick. */
export interface SelectionStrategy {
  readonly name: RoutingStrategy;
  /**
   * @param eligible non-empty: the pool members who passed every eligibility check
   * @param members every pool member, eligible or not (state of former members is dropped)
   * @param state the pool's state after its previous assignment
   */
  pick(eligible: StrategyCandidate[], members: RepProfile[], state: PoolStrategyState): StrategyPick;
}
