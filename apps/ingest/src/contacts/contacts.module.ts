import { Module } from '@nestjs/common';
import { encryptedTable, SecretKeyringModule } from '../sources';
import { ContactVaultEntry } from './contact-vault-entry.entity';
import { ContactVault1765100000001 } from './contact-vault.migration';
import { ContactVault } from './contact-vault.service';
import { ContactsController } from './contacts.controller';

/** For ServiceRuntimeModule.forRoot({ entities, migrations }), after the identity tables. */
export const CONTACTS_ENTITIES = [ContactVaultEntry];
export const CONTACTS_MIGRATIONS = [ContactVault1765100000001];
/** The sealed entries, bound to the lead id. */
export const CONTACT_VAULT_TABLE = { name: 'contact_vault', ownerIdColumn: 'lead_id', columns: ['sealed'] } as const;

/**
 * The contact vault and its API (`/leads/:id/contact`, `/leads/:id/personal-data`). Its entries use the secret
 * keyring of the sources, and are re-encrypted with theirs when INGEST_SECRET_KEY changes.
 */
@Module({
  imports: [SecretKeyringModule],
  controllers: [ContactsController],
  providers: [ContactVault, encryptedTable(CONTACT_VAULT_TABLE)],
  exports: [ContactVault],
})
export class ContactsModule {}
