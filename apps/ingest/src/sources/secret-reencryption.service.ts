import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EncryptedTables, type ReencryptionCount, reencryptTable } from './encrypted-table';
import { SecretCipher } from './secret-cipher';

/** Per table, what a pass did; `skipped` when another replica's pass held the lock. */
export type ReencryptionReport = { skipped: true } | { skipped: false; tables: Record<string, ReencryptionCount> };

/** Our own advisory-lock class ('skey'), so it never shares a lock with other uses; the schema picks the lock. */
const LOCK_CLASS = 0x736b6579;

/**
 * Moves every registered encrypted table to the current INGEST_SECRET_KEY: at boot while
 * INGEST_SECRET_KEY_PREVIOUS is set, and on demand (POST /admin/secret-key/reencrypt). One replica at a time per
 * schema, under a session advisory lock; the others skip, since they decrypt with either key meanwhile.
 */
@Injectable()
export class SecretReencryption implements OnApplicationBootstrap {
  private readonly logger = new Logger(SecretReencryption.name);

  constructor(
    private readonly cipher: SecretCipher,
    private readonly tables: EncryptedTables,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.cipher.rotating) await this.run();
  }

  async run(): Promise<ReencryptionReport> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1, hashtext(current_schema())) AS locked`, [
        LOCK_CLASS,
      ]);
      if (!locked) {
        this.logger.log({ msg: 'secret re-encryption skipped: another replica is running it' });
        return { skipped: true };
      }
      try {
        return { skipped: false, tables: await this.reencryptAll() };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1, hashtext(current_schema()))`, [LOCK_CLASS]);
      }
    } finally {
      await runner.release();
    }
  }

  private async reencryptAll(): Promise<Record<string, ReencryptionCount>> {
    const report: Record<string, ReencryptionCount> = {};
    for (const table of this.tables.all()) {
      report[table.name] = await reencryptTable(this.dataSource, table, this.cipher, this.logger);
      const log = report[table.name].undecryptable > 0 ? 'error' : 'log';
      this.logger[log]({ msg: 'secret re-encryption pass', table: table.name, ...report[table.name] });
    }
    return report;
  }
}
