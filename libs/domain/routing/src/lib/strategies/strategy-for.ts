import { DomainError } from '@handoff/shared-errors';
import type { RoutingStrategy } from '@handoff/shared-vocabulary';
import { CapacityAwareStrategy } from './capacity-aware.strategy';
import { LeastLoadedStrategy } from './least-loaded.strategy';
import { RoundRobinStrategy } from './round-robin.strategy';
import type { SelectionStrategy } from './selection-strategy';
import { SmoothWeightedRoundRobinStrategy } from './smooth-weighted-round-robin.strategy';

const STRATEGIES: Record<RoutingStrategy, SelectionStrategy> = {
  round_robin: new RoundRobinStrategy(),
  weighted_round_robin: new SmoothWeightedRoundRobinStrategy(),
  least_loaded: new LeastLoadedStrategy(),
  capacity_aware: new CapacityAwareStrategy(),
};

/** The strategy a rule names; strategies keep no memory of their own (it is all in the pool's state). */
export function strategyFor(name: RoutingStrategy): SelectionStrategy {
  const strategy = Object.hasOwn(STRATEGIES, name) ? STRATEGIES[name] : undefined;
  if (strategy === undefined) throw new DomainError('invalid', `Unknown routing strategy ${String(name)}`);
  return strategy;
}
