export type { SelectionStrategy, StrategyCandidate, StrategyPick, StrategyScore } from './selection-strategy';
export { RoundRobinStrategy } from './round-robin.strategy';
export { SmoothWeightedRoundRobinStrategy } from './smooth-weighted-round-robin.strategy';
export { LeastLoadedStrategy } from './least-loaded.strategy';
export { CapacityAwareStrategy } from './capacity-aware.strategy';
export { strategyFor } from './strategy-for';
