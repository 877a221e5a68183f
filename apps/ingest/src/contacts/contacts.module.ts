import { Module } from '@nestjs/common';
import { IngestConfig } from '../app/ingest.config';
import { SecretCipher } from '../sources/secret-cipher';
import { ContactVaultEntry } from './contact-vault-entry.entity';
import { ContactVault1765100000001 } from './contact-vault.migration';
import { ContactVault } from './contact-vault.service';
import { ContactsController } from './contacts.controller';

/** For ServiceRuntimeModule.forRoot({ entities, migrations }), after the identity tables. */
export const CONTACTS_ENTITIES = [ContactVaultEntry];
export const CONTACTS_MIGRATIONS = [ContactVault1765100000001];

/** The contact vault and its API (`/leads/:id/contact`, `/leads/:id/personal-data`). */
@Module({
  controllers: [ContactsController],
  providers: [
    ContactVault,
    {
      provide: SecretCipher,
      inject: [IngestConfig],
      useFactory: (config: IngestConfig) => new SecretCipher(config.INGEST_SECRET_KEY),
    },
  ],
  exports: [ContactVault],
})
export class ContactsModule {}
