import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one REPEATABLE READ, READ ONLY transaction: every read sees the same moment, and PostgreSQL
 * refuses any write, so a preview cannot change routing even by mistake.
 */
export function readOnlyTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    return work(manager);
  });
}
