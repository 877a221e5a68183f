import type { DirectorySnapshot, PoolStrategyState, RoutingRuleSet } from '@handoff/domain-routing';

/** What a decision reads, as of one instant. */
export interface DecisionContext {
  ruleSet: RoutingRuleSet;
  /** The organisation as of `now`, with each rep's load and capacity. */
  directory: DirectorySnapshot;
  poolStates: ReadonlyMap<string, PoolStrategyState>;
  now: string;
}

/** A pool that never assigned starts its sequence here. */
export const FIRST_POOL_STATE: PoolStrategyState = { sequence: 0 };
