export * from './lib/session';
export * from './lib/pipeline';
export * from './lib/leads';
export * from './lib/dead-letters';
export * from './lib/audit';
export * from './lib/errors';
