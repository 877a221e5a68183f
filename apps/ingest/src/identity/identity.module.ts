import { Module } from '@nestjs/common';
import { Outbox } from '@handoff/platform-database';
import { EmailIdsHashed1765100000000 } from './email-ids-hashed.migration';
import { IdentityResolver } from './identity-resolver.service';
import { IdentityTables1764400000000 } from './identity-tables.migration';
import { IdentityStore } from './identity.store';

/** For ServiceRuntimeModule.forRoot({ migrations }). */
export const IDENTITY_MIGRATIONS = [IdentityTables1764400000000, EmailIdsHashed1765100000000];

/**
 * Identity resolution. Needs the service's DataSource and IngestConfig, which the runtime provides globally;
 * IdentityStore holds the identity tables' SQL, also for the contact vault's lead groups and erasures.
 */
@Module({
  providers: [IdentityResolver, IdentityStore, Outbox],
  exports: [IdentityResolver, IdentityStore],
})
export class IdentityModule {}
