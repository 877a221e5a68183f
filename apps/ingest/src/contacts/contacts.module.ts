import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { encryptedTable, SecretKeyringModule } from '../sources';
import { ContactVault1765100000001 } from './contact-vault.migration';
import { ContactVault } from './contact-vault.service';
import { ContactVaultStore } from './contact-vault.store';
import { ContactsController } from './contacts.controller';
import { LeadLookupController } from './lead-lookup.controller';
import { LeadLookup } from './lead-lookup.service';

/** For ServiceRuntimeModule.forRoot({ migrations }), after the identity tables. */
export const CONTACTS_MIGRATIONS = [ContactVault1765100000001];
/** The sealed entries, bound to the lead id. */
export const CONTACT_VAULT_TABLE = { name: 'contact_vault', ownerIdColumn: 'lead_id', columns: ['sealed'] } as const;

/**
 * The contact vault and its API (`/leads/:id/contact`, `/leads/:id/personal-data`), and the lookup of a lead by
 * email (`POST /leads/lookup`). Its entries use the secret keyring of the sources, and are re-encrypted with
 * theirs when INGEST_SECRET_KEY changes.
 */
@Module({
  imports: [SecretKeyringModule, IdentityModule],
  controllers: [ContactsController, LeadLookupController],
  providers: [ContactVault, ContactVaultStore, LeadLookup, encryptedTable(CONTACT_VAULT_TABLE)],
  exports: [ContactVault],
})
export class ContactsModule {}
