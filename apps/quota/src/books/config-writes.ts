import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type QuotaChange, QuotaChanges } from '../capacity/quota-changes';

/** Our own advisory-lock class ('qcfg'), so it never shares a lock with other uses. */
const LOCK_CLASS = 0x71636667;

/** What a configuration write did: its answer, and the change to announce once it committed (none if nothing moved). */
export interface ConfigWritten<T> {
  result: T;
  change?: QuotaChange;
}

/**
 * Runs a configuration write (quotas, team history, rates, limits) in a transaction holding the lock of what it
 * replaces, so the checks it makes (no second quota for an owner and period) still hold when it commits, and
 * announces its change only after the commit.
 */
@Injectable()
export class ConfigWrites {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: QuotaChanges,
  ) {}

  async run<T>(lock: string, work: (manager: EntityManager) => Promise<ConfigWritten<T>>): Promise<T> {
    const { result, change } = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext(current_schema() || ':' || $2))`, [
        LOCK_CLASS,
        lock,
      ]);
      return work(manager);
    });
    if (change) this.changes.announce(change);
    return result;
  }
}
