export * from './lib/domain-error';
