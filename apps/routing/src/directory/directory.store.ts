import { Injectable } from '@nestjs/common';
import type { DirectorySnapshot, Pool, RepProfile } from '@handoff/domain-routing';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountsStore } from './accounts/accounts.store';
import { PoolsStore } from './pools/pools.store';
import { RepsStore } from './reps/reps.store';
import { TeamsStore } from './teams/teams.store';
import { TerritoriesStore } from './territories/territories.store';

/** The part of a decision's snapshot the directory holds. */
export type DirectoryRecords = Pick<DirectorySnapshot, 'reps' | 'teams' | 'pools' | 'territories' | 'accounts'>;

/** The directory as routing reads it: every record as its domain type, each list sorted by id. */
@Injectable()
export class DirectoryStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repsStore: RepsStore,
    private readonly teamsStore: TeamsStore,
    private readonly poolsStore: PoolsStore,
    private readonly territoriesStore: TerritoriesStore,
    private readonly accountsStore: AccountsStore,
  ) {}

  /** Everything at once, as the caller's transaction sees it (a decision reads it once per chunk). */
  async snapshot(manager: EntityManager = this.dataSource.manager): Promise<DirectoryRecords> {
    return {
      reps: await this.repsStore.all(manager),
      teams: await this.teamsStore.all(manager),
      pools: await this.poolsStore.all(manager),
      territories: await this.territoriesStore.all(manager),
      accounts: await this.accountsStore.all(manager),
    };
  }

  /** Every rep, by id. */
  reps(manager: EntityManager): Promise<RepProfile[]> {
    return this.repsStore.all(manager);
  }

  /** One pool, or undefined when no pool has this id. */
  pool(manager: EntityManager, id: string): Promise<Pool | undefined> {
    return this.poolsStore.one(manager, id);
  }

  /** One rep, or undefined when no rep has this id. */
  rep(manager: EntityManager, id: string): Promise<RepProfile | undefined> {
    return this.repsStore.one(manager, id);
  }
}
