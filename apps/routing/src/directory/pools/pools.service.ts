import { Injectable } from '@nestjs/common';
import type { Pool } from '@handoff/domain-routing';
import { DataSource } from 'typeorm';
import { found, invalid, notFound, pathIdIssue, unknownIdsIssue } from '../directory-errors';
import { DirectoryWrites } from '../directory-writes';
import { existingIds } from '../existing-ids';
import { type PoolBodyDto, poolOf } from './pool.dto';
import { PoolsStore } from './pools.store';
import { type Written } from '@handoff/platform-runtime';

/** Pools: written (their teams and reps must exist), read and deleted; each change is announced. */
@Injectable()
export class PoolsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DirectoryWrites,
    private readonly pools: PoolsStore,
  ) {}

  list(): Promise<Pool[]> {
    return this.pools.all();
  }

  async get(id: string): Promise<Pool> {
    return found(await this.pools.one(this.dataSource.manager, id), 'pool', id);
  }

  put(id: string, body: PoolBodyDto): Promise<Written<Pool>> {
    return this.writes.run(async (manager, announce) => {
      const pool = poolOf(id, body);
      const issues = [
        ...pathIdIssue(id, body.id),
        ...unknownIdsIssue('teamIds', 'team', pool.teamIds, await existingIds(manager, 'teams', pool.teamIds)),
        ...unknownIdsIssue('repIds', 'rep', pool.repIds, await existingIds(manager, 'reps', pool.repIds)),
      ];
      if (issues.length > 0) throw invalid('pool', issues);
      const created = (await this.pools.one(manager, id)) === undefined;
      await this.pools.save(manager, pool);
      announce({ kind: 'pool', poolId: id, cause: 'updated' });
      return { record: found(await this.pools.one(manager, id), 'pool', id), created };
    });
  }

  /** Deletes the pool with its member lists; whether a routing rule still names it is the rule set's check. */
  delete(id: string): Promise<void> {
    return this.writes.run(async (manager, announce) => {
      if (!(await this.pools.delete(manager, id))) throw notFound('pool', id);
      announce({ kind: 'pool', poolId: id, cause: 'deleted' });
    });
  }
}
