import type { EntityManager } from 'typeorm';

/** The tables whose rows quota locks per key, in the one order every transaction takes them (see QuotaBatch). */
const LOCKABLE = { deals: 'deal_id', rep_capacities: 'rep_id' } as const;

/**
 * Creates the rows of keys not stored yet and locks all of them in key order, answering each row as it stood
 * (the columns asked for). Key order everywhere is what keeps two transactions from deadlocking.
 */
export async function lockRows<Row>(
  manager: EntityManager,
  table: keyof typeof LOCKABLE,
  keys: readonly string[],
  columns: string,
): Promise<Row[]> {
  const key = LOCKABLE[table];
  const sorted = [...new Set(keys)].sort();
  await manager.query(
    `INSERT INTO ${table} (${key}) SELECT unnest($1::varchar[]) ORDER BY 1 ON CONFLICT (${key}) DO NOTHING`,
    [sorted],
  );
  return manager.query(
    `SELECT ${key}, ${columns} FROM ${table} WHERE ${key} = ANY($1::varchar[]) ORDER BY ${key} FOR UPDATE`,
    [sorted],
  );
}
