import { Injectable } from '@nestjs/common';
import type { Team } from '@handoff/domain-routing';
import { DomainError } from '@handoff/shared-errors';
import { DataSource } from 'typeorm';
import { found, invalid, pathIdIssue } from '../directory-errors';
import { DirectoryWrites } from '../directory-writes';
import { PoolsStore } from '../pools/pools.store';
import { RepsStore } from '../reps/reps.store';
import type { TeamBodyDto } from './team.dto';
import { TeamsStore } from './teams.store';
import { type Written } from '@handoff/platform-runtime';

/** Teams: written, read, and deleted once no rep or pool names them. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DirectoryWrites,
    private readonly teams: TeamsStore,
    private readonly reps: RepsStore,
    private readonly pools: PoolsStore,
  ) {}

  list(): Promise<Team[]> {
    return this.teams.all();
  }

  async get(id: string): Promise<Team> {
    return found(await this.teams.one(this.dataSource.manager, id), 'team', id);
  }

  put(id: string, body: TeamBodyDto): Promise<Written<Team>> {
    return this.writes.run(async (manager) => {
      const issues = pathIdIssue(id, body.id);
      if (issues.length > 0) throw invalid('team', issues);
      const created = (await this.teams.one(manager, id)) === undefined;
      await this.teams.save(manager, { id, name: body.name });
      return { record: found(await this.teams.one(manager, id), 'team', id), created };
    });
  }

  /** Deletes the team; 409 naming the reps and pools that still name it (membership is routing, so it is not dropped silently). */
  delete(id: string): Promise<void> {
    return this.writes.run(async (manager) => {
      found(await this.teams.one(manager, id), 'team', id);
      const [members, pools] = [await this.reps.membersOf(manager, id), await this.pools.namingTeam(manager, id)];
      const reasons = [
        ...(members.length > 0 ? [`reps still in the team: ${members.join(', ')}`] : []),
        ...(pools.length > 0 ? [`pools still naming the team: ${pools.join(', ')}`] : []),
      ];
      if (reasons.length > 0) {
        throw new DomainError('conflict', 'the team is still in use', { details: [{ field: 'id', reasons }] });
      }
      await this.teams.delete(manager, id);
    });
  }
}
