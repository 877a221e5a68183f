export * from './lib/envelope';
export * from './lib/contract-violation.error';
export * from './lib/topic-contract';
