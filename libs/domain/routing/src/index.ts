export * from './lib/directory.types';
export * from './lib/rules.types';
export * from './lib/decision.types';
export * from './lib/strategies';
export * from './lib/fairness/fairness-report';
