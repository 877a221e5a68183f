export * from './identity.module';
export * from './identity-resolver.service';
export * from './identity-resolution.types';
export * from './identity-tables.migration';
export * from './email-ids-hashed.migration';
export { IdentityStore, type LeadGroup } from './identity.store';
