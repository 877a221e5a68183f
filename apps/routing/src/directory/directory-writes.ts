import { Injectable } from '@nestjs/common';
import { DomainError } from '@handoff/shared-errors';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { type DirectoryChange, DirectoryChanges } from './directory-changes';

/** Our own advisory-lock class ('dirw'), so it never shares a lock with other uses; the schema picks the lock. */
const LOCK_CLASS = 0x64697277;
const LOCK_NOT_AVAILABLE = '55P03';

/** What a write does inside its transaction; `announce` queues a change to publish once it committed. */
export type DirectoryWork<T> = (manager: EntityManager, announce: (change: DirectoryChange) => void) => Promise<T>;

/**
 * Runs directory writes one at a time: each in a transaction holding the directory's write lock, so the checks
 * a write makes (referenced ids exist, a domain belongs to no other account) still hold when it commits.
 * Writes are rare and short, so serialising them costs nothing that matters.
 */
@Injectable()
export class DirectoryWrites {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: DirectoryChanges,
  ) {}

  async run<T>(work: DirectoryWork<T>): Promise<T> {
    const announced: DirectoryChange[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      return work(manager, (change) => announced.push(change));
    });
    announced.forEach((change) => this.changes.announce(change));
    return result;
  }

  private async lock(manager: EntityManager): Promise<void> {
    try {
      await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, [LOCK_CLASS]);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === LOCK_NOT_AVAILABLE) {
        throw new DomainError('unavailable', 'another directory write (an import?) is still running: retry', {
          cause: error,
        });
      }
      throw error;
    }
  }
}
