export * from './lib/domain-error';
export * from './lib/field-issues';
