import { Injectable } from '@nestjs/common';
import { type FairnessReport, fairnessReport, poolMembers } from '@handoff/domain-routing';
import { DataSource } from 'typeorm';
import { found } from '../directory/directory-errors';
import { DirectoryStore } from '../directory/directory.store';
import { type FairnessWindow, fairnessWindow } from './fairness-window';
import { PoolAssignmentsReader } from './pool-assignments.reader';

export type PoolFairness = { poolId: string } & FairnessWindow & FairnessReport;

/** How evenly a pool shared its leads over a window, against its members' weights now. */
@Injectable()
export class PoolFairnessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryStore,
    private readonly assignments: PoolAssignmentsReader,
  ) {}

  /**
   * Shares are the active members' current weights: a rep who left or was deactivated counts with weight 0, so
   * what they received still shows.
   */
  report(poolId: string, query: { from?: string; to?: string }): Promise<PoolFairness> {
    const window = fairnessWindow(query, Date.now());
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const pool = found(await this.directory.pool(manager, poolId), 'pool', poolId);
      const { members } = poolMembers(pool, await this.directory.reps(manager));
      const weights = Object.fromEntries(members.filter((rep) => rep.active).map((rep) => [rep.id, rep.weight]));
      const assignments = await this.assignments.inWindow(manager, poolId, window.from, window.to);
      return { poolId, ...window, ...fairnessReport({ assignments, weights }) };
    });
  }
}
