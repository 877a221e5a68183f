import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  addCounts,
  type EncryptedTable,
  EncryptedTables,
  type ReencryptionCount,
  reencryptColumn,
} from './encrypted-table';
import type { SecretCipher } from './secret-cipher';

/** The sources' signing secrets (current and previous), bound to the source id. */
@Injectable()
export class SourcesEncryptedTable implements EncryptedTable, OnModuleInit {
  readonly name = 'sources';
  private readonly logger = new Logger(SourcesEncryptedTable.name);

  constructor(
    private readonly tables: EncryptedTables,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.tables.register(this);
  }

  async reencrypt(cipher: SecretCipher): Promise<ReencryptionCount> {
    const counts: ReencryptionCount[] = [];
    for (const column of ['signing_secret_encrypted', 'previous_signing_secret_encrypted']) {
      counts.push(
        await reencryptColumn(this.dataSource, { table: 'sources', column, ownerIdColumn: 'id' }, cipher, this.logger),
      );
    }
    return addCounts(counts);
  }
}
