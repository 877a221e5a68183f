import { Injectable } from '@nestjs/common';
import type { Team } from '@handoff/domain-routing';
import { DataSource, type EntityManager } from 'typeorm';

/** The teams table. Methods given a manager run in the caller's transaction. */
@Injectable()
export class TeamsStore {
  constructor(private readonly dataSource: DataSource) {}

  all(manager: EntityManager = this.dataSource.manager): Promise<Team[]> {
    return manager.query(`SELECT id, name FROM teams ORDER BY id COLLATE "C"`);
  }

  async one(manager: EntityManager, id: string): Promise<Team | undefined> {
    const rows: Team[] = await manager.query(`SELECT id, name FROM teams WHERE id = $1`, [id]);
    return rows[0];
  }

  async save(manager: EntityManager, team: Team): Promise<void> {
    await manager.query(
      `INSERT INTO teams (id, name) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()`,
      [team.id, team.name],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM teams WHERE id = $1`, [id]);
  }
}
