import type { EntityManager } from 'typeorm';

/**
 * Inbox claims and outbox rows are only correct when they commit or roll back with the caller's state change,
 * so refuse to run on a manager that would auto-commit each statement.
 */
export function assertInTransaction(manager: EntityManager, operation: string): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(
      `${operation} must run inside the caller's transaction (use the manager given by dataSource.transaction)`,
    );
  }
}
