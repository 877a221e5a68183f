export * from './lib/email-address';
export * from './lib/identity-keys';
export * from './lib/resolution-plan';
export * from './lib/event-id';
export * from './lib/batch-resolution';
