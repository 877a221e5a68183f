import type { EntityManager } from 'typeorm';

/** The directory tables keyed by a caller-chosen `id`. */
export type DirectoryTable = 'reps' | 'teams' | 'pools' | 'territories' | 'accounts';

/** Which of `ids` name a row of `table`, as the caller's transaction sees it. */
export async function existingIds(
  manager: EntityManager,
  table: DirectoryTable,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(`SELECT id FROM ${table} WHERE id = ANY($1::varchar[])`, [ids]);
  return new Set(rows.map((row) => row.id));
}
