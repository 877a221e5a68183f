import { Global, Module } from '@nestjs/common';
import { IngestConfig } from '../app/ingest.config';
import { EncryptedTables } from './encrypted-table';
import { SecretCipher } from './secret-cipher';
import { SecretReencryption } from './secret-reencryption.service';

/**
 * The cipher of secrets at rest (INGEST_SECRET_KEY, and INGEST_SECRET_KEY_PREVIOUS during a key change), the
 * registry of encrypted tables and their re-encryption. Global: any module injects SecretCipher and registers its
 * tables with EncryptedTables. Needs IngestConfig and the DataSource.
 */
@Global()
@Module({
  providers: [
    {
      provide: SecretCipher,
      inject: [IngestConfig],
      useFactory: (config: IngestConfig) =>
        new SecretCipher(config.INGEST_SECRET_KEY, config.INGEST_SECRET_KEY_PREVIOUS),
    },
    EncryptedTables,
    SecretReencryption,
  ],
  exports: [SecretCipher, EncryptedTables, SecretReencryption],
})
export class SecretKeyringModule {}
