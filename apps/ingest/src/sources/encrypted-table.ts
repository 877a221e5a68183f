import { Injectable, type Logger } from '@nestjs/common';
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
 * A table holding values encrypted with SecretCipher. Register it with EncryptedTables (in onModuleInit) and
 * every re-encryption pass (at boot while INGEST_SECRET_KEY_PREVIOUS is set, or POST /admin/secret-key/reencrypt)
 * moves its values to the current key.
 */
export interface EncryptedTable {
  /** Shown in logs and in the pass's report. */
  readonly name: string;
  reencrypt(cipher: SecretCipher): Promise<ReencryptionCount>;
}

/** The encrypted tables of the service, registered by their owners. */
@Injectable()
export class EncryptedTables {
  private readonly tables: EncryptedTable[] = [];

  register(table: EncryptedTable): void {
    this.tables.push(table);
  }

  all(): readonly EncryptedTable[] {
    return this.tables;
  }
}

/** Where a column of ciphertexts lives and which column is bound to them as the owner id (the AAD). */
export interface EncryptedColumn {
  table: string;
  column: string;
  ownerIdColumn: string;
}

const BATCH_SIZE = 500;

/**
 * Re-encrypts one column's previous-key values under the current key, batch by batch in owner-id order. Each
 * update only applies if the value is unchanged, so a value rewritten meanwhile (a rotation) is never clobbered.
 */
export async function reencryptColumn(
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

/** Sums the counts of several columns or tables. */
export function addCounts(counts: readonly ReencryptionCount[]): ReencryptionCount {
  return counts.reduce(
    (sum, count) => ({
      reencrypted: sum.reencrypted + count.reencrypted,
      undecryptable: sum.undecryptable + count.undecryptable,
    }),
    { reencrypted: 0, undecryptable: 0 },
  );
}
