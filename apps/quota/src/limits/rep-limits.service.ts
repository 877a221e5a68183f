import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { QuotaConfig } from '../app/quota.config';
import { ConfigWrites } from '../books/config-writes';
import { QuotaBooks } from '../books/quota-books.store';
import type { RepLimitDto } from './rep-limit.dto';
import { RepLimitsStore } from './rep-limits.store';

/** Each rep's open-lead limit: set, read (the service default when unset) and returned to the default. */
@Injectable()
export class RepLimitsService {
  constructor(
    private readonly config: QuotaConfig,
    private readonly books: QuotaBooks,
    private readonly writes: ConfigWrites,
    private readonly store: RepLimitsStore,
  ) {}

  limit(repId: string): Promise<RepLimitDto> {
    return this.limitOf(repId);
  }

  set(repId: string, maxOpenLeads: number): Promise<RepLimitDto> {
    return this.writes.run(`limit:${repId}`, async (manager) => {
      await this.store.set(manager, repId, maxOpenLeads);
      return { result: await this.limitOf(repId, manager), change: { reps: [repId], cause: 'limit-set' } };
    });
  }

  clear(repId: string): Promise<RepLimitDto> {
    return this.writes.run(`limit:${repId}`, async (manager) => {
      await this.store.clear(manager, repId);
      return { result: await this.limitOf(repId, manager), change: { reps: [repId], cause: 'limit-cleared' } };
    });
  }

  private async limitOf(repId: string, manager?: EntityManager): Promise<RepLimitDto> {
    const own = (await this.books.limits([repId], manager)).get(repId);
    return own === undefined
      ? { repId, maxOpenLeads: this.config.QUOTA_DEFAULT_MAX_OPEN_LEADS, default: true }
      : { repId, maxOpenLeads: own, default: false };
  }
}
