export * from './lib/directory.types';
export * from './lib/rules.types';
export * from './lib/decision.types';
