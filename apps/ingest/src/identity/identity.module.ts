import { Module } from '@nestjs/common';
import { EmailIdsHashed1765100000000 } from './email-ids-hashed.migration';
import { IdentityLink } from './identity-link.entity';
import { IdentityResolver } from './identity-resolver.service';
import { IdentityTables1764400000000 } from './identity-tables.migration';
import { LeadMerge } from './lead-merge.entity';
import { Lead } from './lead.entity';

/** For ServiceRuntimeModule.forRoot({ entities, migrations }). */
export const IDENTITY_ENTITIES = [Lead, IdentityLink, LeadMerge];
export const IDENTITY_MIGRATIONS = [IdentityTables1764400000000, EmailIdsHashed1765100000000];

/**
 * Identity resolution. Needs the service's DataSource and IngestConfig, which the runtime provides globally;
 * the resolver works in SQL, so no repositories are registered.
 */
@Module({
  providers: [IdentityResolver],
  exports: [IdentityResolver],
})
export class IdentityModule {}
