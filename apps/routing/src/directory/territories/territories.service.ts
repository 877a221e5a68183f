import { Injectable } from '@nestjs/common';
import type { Territory } from '@handoff/domain-routing';
import { DataSource } from 'typeorm';
import { found, invalid, notFound, pathIdIssue } from '../directory-errors';
import { DirectoryWrites } from '../directory-writes';
import { type TerritoryBodyDto, territoryOf } from './territory.dto';
import { TerritoriesStore } from './territories.store';
import { type Written } from '@handoff/platform-runtime';

/** Territories: written, read and deleted. */
@Injectable()
export class TerritoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DirectoryWrites,
    private readonly territories: TerritoriesStore,
  ) {}

  list(): Promise<Territory[]> {
    return this.territories.all();
  }

  async get(id: string): Promise<Territory> {
    return found(await this.territories.one(this.dataSource.manager, id), 'territory', id);
  }

  put(id: string, body: TerritoryBodyDto): Promise<Written<Territory>> {
    return this.writes.run(async (manager) => {
      const issues = pathIdIssue(id, body.id);
      if (issues.length > 0) throw invalid('territory', issues);
      const created = (await this.territories.one(manager, id)) === undefined;
      await this.territories.save(manager, territoryOf(id, body));
      return { record: found(await this.territories.one(manager, id), 'territory', id), created };
    });
  }

  delete(id: string): Promise<void> {
    return this.writes.run(async (manager) => {
      if (!(await this.territories.delete(manager, id))) throw notFound('territory', id);
    });
  }
}
