import { Injectable, type Logger, type Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { type SecretCipher, SecretDecryptionError } from './secret-cipher';

/** What one re-encryption pass did to a table. */
export interface ReencryptionCount {
  /** Values that were under INGEST_SECRET_KEY_PREVIOUS and now are under INGEST_SECRET_KEY. */
  reencrypted: number;
  /** Values neither key opens: logged by row id, left as they are. */
  undecryptable: number;
}

/**
 * A table holding values encrypted with SecretCipher, each bound to its row's owner id (the AAD). Declared by
 * its owner with `encryptedTable(...)` among the module's providers: every re-encryption pass (at boot while
 * INGEST_SECRET_KEY_PREVIOUS is set, or POST /admin/secret-key/reencrypt) moves its values to the current key.
 */
export interface EncryptedTable {
  /** The table's name, also shown in logs and in the pass's report. */
  readonly name: string;
  readonly ownerIdColumn: string;
  readonly columns: readonly string[];
}

/** The encrypted tables of the service, registered by their owners. */
@Injectable()
export class EncryptedTables {
  private readonly tables: EncryptedTable[] = [];

  register(table: EncryptedTable): EncryptedTable {
    this.tables.push(table);
    return table;
  }

  all(): readonly EncryptedTable[] {
    return this.tables;
  }
}

/** The provider that registers `table` with EncryptedTables when its module is built. */
export function encryptedTable(table: EncryptedTable): Provider {
  return {
    provide: `encrypted-table:${table.name}`,
    inject: [EncryptedTables],
    useFactory: (tables: EncryptedTables) => tables.register(table),
  };
}

/** Where a column of ciphertexts lives and which column is bound to them as the owner id (the AAD). */
interface EncryptedColumn {
  table: string;
  column: string;
  ownerIdColumn: string;
}

/** Re-encrypts every column of `table` whose values are under the previous key. */
export async function reencryptTable(
  dataSource: DataSource,
  table: EncryptedTable,
  cipher: SecretCipher,
  logger: Logger,
): Promise<ReencryptionCount> {
  const counts: ReencryptionCount[] = [];
  for (const column of table.columns) {
    const target = { table: table.name, column, ownerIdColumn: table.ownerIdColumn };
    counts.push(await reencryptColumn(dataSource, target, cipher, logger));
  }
  return addCounts(counts);
}

const BATCH_SIZE = 500;

/**
 * Re-encrypts one column's previous-key values under the current key, batch by batch in owner-id order. Each
 * update only applies if the value is unchanged, so a value rewritten meanwhile (a rotation) is never clobbered.
 */
async function reencryptColumn(
  dataSource: DataSource,
  target: EncryptedColumn,
  cipher: SecretCipher,
  logger: Logger,
): Promise<ReencryptionCount> {
  const count: ReencryptionCount = { reencrypted: 0, undecryptable: 0 };
  const { table, column, ownerIdColumn } = target;
  let after: string | null = null;
  for (;;) {
    const rows: { owner: string; value: string }[] = await dataSource.query(
      `SELECT "${ownerIdColumn}"::text AS owner, "${column}" AS value FROM "${table}"
        WHERE "${column}" IS NOT NULL AND ($1::text IS NULL OR "${ownerIdColumn}"::text > $1)
        ORDER BY "${ownerIdColumn}"::text LIMIT ${BATCH_SIZE}`,
      [after],
    );
    for (const { owner, value } of rows) {
      const outcome = reencryptValue(cipher, value, owner);
      if (outcome === 'undecryptable') {
        count.undecryptable += 1;
        logger.error({ msg: 'encrypted value opens with neither secret key', table, column, ownerId: owner });
      } else if (outcome !== undefined) {
        // TypeORM answers an UPDATE with [rows, affected row count].
        const [, affected]: [unknown, number] = await dataSource.query(
          `UPDATE "${table}" SET "${column}" = $1 WHERE "${ownerIdColumn}"::text = $2 AND "${column}" = $3`,
          [outcome, owner, value],
        );
        count.reencrypted += affected;
      }
    }
    if (rows.length < BATCH_SIZE) return count;
    after = rows[rows.length - 1].owner;
  }
}

function reencryptValue(cipher: SecretCipher, value: string, owner: string): string | undefined | 'undecryptable' {
  try {
    return cipher.reencrypt(value, owner);
  } catch (error) {
    if (error instanceof SecretDecryptionError) return 'undecryptable';
    throw error;
  }
}

/** Sums the counts of several columns. */
function addCounts(counts: readonly ReencryptionCount[]): ReencryptionCount {
  return counts.reduce(
    (sum, count) => ({
      reencrypted: sum.reencrypted + count.reencrypted,
      undecryptable: sum.undecryptable + count.undecryptable,
    }),
    { reencrypted: 0, undecryptable: 0 },
  );
}
