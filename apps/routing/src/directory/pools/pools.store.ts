import { Injectable } from '@nestjs/common';
import type { Pool } from '@handoff/domain-routing';
import { DataSource, type EntityManager } from 'typeorm';

const SELECT_POOLS = `
  SELECT p.id, p.name, p.require_working_hours AS "requireWorkingHours", p.sla_minutes AS "slaMinutes",
         p.sla_in_business_hours AS "slaInBusinessHours", p.max_attempts AS "maxAttempts",
         ARRAY(SELECT t.team_id FROM pool_teams t WHERE t.pool_id = p.id ORDER BY t.team_id COLLATE "C") AS "teamIds",
         ARRAY(SELECT r.rep_id FROM pool_reps r WHERE r.pool_id = p.id ORDER BY r.rep_id COLLATE "C") AS "repIds"
  FROM pools p`;

/** The pools, pool_teams and pool_reps tables. Methods given a manager run in the caller's transaction. */
@Injectable()
export class PoolsStore {
  constructor(private readonly dataSource: DataSource) {}

  all(manager: EntityManager = this.dataSource.manager): Promise<Pool[]> {
    return manager.query(`${SELECT_POOLS} ORDER BY p.id COLLATE "C"`);
  }

  async one(manager: EntityManager, id: string): Promise<Pool | undefined> {
    const rows: Pool[] = await manager.query(`${SELECT_POOLS} WHERE p.id = $1`, [id]);
    return rows[0];
  }

  /** Writes the whole pool, its member teams and reps replaced. */
  async save(manager: EntityManager, pool: Pool): Promise<void> {
    await manager.query(
      `INSERT INTO pools (id, name, require_working_hours, sla_minutes, sla_in_business_hours, max_attempts)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, require_working_hours = EXCLUDED.require_working_hours,
         sla_minutes = EXCLUDED.sla_minutes, sla_in_business_hours = EXCLUDED.sla_in_business_hours,
         max_attempts = EXCLUDED.max_attempts, updated_at = now()`,
      [pool.id, pool.name, pool.requireWorkingHours, pool.slaMinutes, pool.slaInBusinessHours, pool.maxAttempts],
    );
    await manager.query(`DELETE FROM pool_teams WHERE pool_id = $1`, [pool.id]);
    await manager.query(`INSERT INTO pool_teams (pool_id, team_id) SELECT $1, unnest($2::varchar[])`, [
      pool.id,
      pool.teamIds,
    ]);
    await manager.query(`DELETE FROM pool_reps WHERE pool_id = $1`, [pool.id]);
    await manager.query(`INSERT INTO pool_reps (pool_id, rep_id) SELECT $1, unnest($2::varchar[])`, [
      pool.id,
      pool.repIds,
    ]);
  }

  /** Answers whether there was such a pool. */
  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [, removed]: [unknown, number] = await manager.query(`DELETE FROM pools WHERE id = $1`, [id]);
    return removed > 0;
  }

  /** Ids of the pools naming a team, for the check before the team is deleted. */
  async namingTeam(manager: EntityManager, teamId: string): Promise<string[]> {
    const rows: { pool_id: string }[] = await manager.query(
      `SELECT pool_id FROM pool_teams WHERE team_id = $1 ORDER BY pool_id COLLATE "C"`,
      [teamId],
    );
    return rows.map((row) => row.pool_id);
  }
}
