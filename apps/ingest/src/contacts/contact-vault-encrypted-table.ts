import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type EncryptedTable,
  EncryptedTables,
  type ReencryptionCount,
  type SecretCipher,
  reencryptColumn,
} from '../sources';

/** The contact vault's sealed entries, bound to the lead id: moved to a new INGEST_SECRET_KEY with the sources. */
@Injectable()
export class ContactVaultEncryptedTable implements EncryptedTable, OnModuleInit {
  readonly name = 'contact_vault';
  private readonly logger = new Logger(ContactVaultEncryptedTable.name);

  constructor(
    private readonly tables: EncryptedTables,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.tables.register(this);
  }

  reencrypt(cipher: SecretCipher): Promise<ReencryptionCount> {
    const column = { table: 'contact_vault', column: 'sealed', ownerIdColumn: 'lead_id' };
    return reencryptColumn(this.dataSource, column, cipher, this.logger);
  }
}
