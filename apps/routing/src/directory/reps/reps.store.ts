import { Injectable } from '@nestjs/common';
import type { Period, RepProfile, WeeklyHours } from '@handoff/domain-routing';
import { DataSource, type EntityManager } from 'typeorm';
import { chunksOf } from '../chunks-of';

/** Reps written per statement: a CSV import of thousands stays a few statements, each of bounded size. */
const WRITE_CHUNK = 500;

interface RepRow {
  id: string;
  name: string;
  active: boolean;
  weight: number;
  languages: string[];
  skills: string[];
  time_zone: string;
  working_hours: WeeklyHours;
  paused_until: Date | null;
  daily_cap: number | null;
  rolling_30_day_cap: number | null;
  team_ids: string[];
  away_from: Date[];
  away_to: Date[];
}

const SELECT_REPS = `
  SELECT r.id, r.name, r.active, r.weight, r.languages, r.skills, r.time_zone, r.working_hours, r.paused_until,
         r.daily_cap, r.rolling_30_day_cap,
         ARRAY(SELECT t.team_id FROM rep_teams t WHERE t.rep_id = r.id ORDER BY t.team_id COLLATE "C") AS team_ids,
         ARRAY(SELECT o.starts_at FROM rep_out_of_office o WHERE o.rep_id = r.id ORDER BY o.starts_at, o.ends_at) AS away_from,
         ARRAY(SELECT o.ends_at FROM rep_out_of_office o WHERE o.rep_id = r.id ORDER BY o.starts_at, o.ends_at) AS away_to
  FROM reps r`;

/** The reps, rep_teams and rep_out_of_office tables. Methods given a manager run in the caller's transaction. */
@Injectable()
export class RepsStore {
  constructor(private readonly dataSource: DataSource) {}

  async all(manager: EntityManager = this.dataSource.manager): Promise<RepProfile[]> {
    const rows: RepRow[] = await manager.query(`${SELECT_REPS} ORDER BY r.id COLLATE "C"`);
    return rows.map(profileOf);
  }

  async find(manager: EntityManager, ids: readonly string[]): Promise<RepProfile[]> {
    const rows: RepRow[] = await manager.query(
      `${SELECT_REPS} WHERE r.id = ANY($1::varchar[]) ORDER BY r.id COLLATE "C"`,
      [ids],
    );
    return rows.map(profileOf);
  }

  async one(manager: EntityManager, id: string): Promise<RepProfile | undefined> {
    return (await this.find(manager, [id]))[0];
  }

  /** Writes whole profiles (memberships and out-of-office periods replaced), creating reps not stored yet. */
  async save(manager: EntityManager, reps: readonly RepProfile[]): Promise<void> {
    for (const chunk of chunksOf(reps, WRITE_CHUNK)) {
      const json = JSON.stringify(chunk.map(rowOf));
      await manager.query(
        `INSERT INTO reps (id, name, active, weight, languages, skills, time_zone, working_hours, paused_until,
                           daily_cap, rolling_30_day_cap)
         SELECT id, name, active, weight, languages, skills, time_zone, working_hours, paused_until, daily_cap,
                rolling_30_day_cap
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, active boolean, weight double precision,
              languages text[], skills text[], time_zone text, working_hours jsonb, paused_until timestamptz,
              daily_cap integer, rolling_30_day_cap integer)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active, weight = EXCLUDED.weight,
           languages = EXCLUDED.languages, skills = EXCLUDED.skills, time_zone = EXCLUDED.time_zone,
           working_hours = EXCLUDED.working_hours, paused_until = EXCLUDED.paused_until,
           daily_cap = EXCLUDED.daily_cap, rolling_30_day_cap = EXCLUDED.rolling_30_day_cap, updated_at = now()`,
        [json],
      );
      await manager.query(
        `DELETE FROM rep_teams WHERE rep_id IN (SELECT id FROM jsonb_to_recordset($1::jsonb) AS r(id text))`,
        [json],
      );
      await manager.query(
        `INSERT INTO rep_teams (rep_id, team_id)
         SELECT r.id, unnest(r.team_ids) FROM jsonb_to_recordset($1::jsonb) AS r(id text, team_ids text[])`,
        [json],
      );
      await manager.query(
        `DELETE FROM rep_out_of_office WHERE rep_id IN (SELECT id FROM jsonb_to_recordset($1::jsonb) AS r(id text))`,
        [json],
      );
      await manager.query(
        `INSERT INTO rep_out_of_office (rep_id, starts_at, ends_at)
         SELECT r.id, (p->>'from')::timestamptz, (p->>'to')::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, out_of_office jsonb), jsonb_array_elements(r.out_of_office) p
         ON CONFLICT DO NOTHING`,
        [json],
      );
    }
  }

  async setActive(manager: EntityManager, id: string, active: boolean): Promise<void> {
    await manager.query(`UPDATE reps SET active = $2, updated_at = now() WHERE id = $1`, [id, active]);
  }

  /** Adds a period; adding one the rep has already changes nothing. */
  async addOutOfOffice(manager: EntityManager, id: string, period: Period): Promise<void> {
    await manager.query(
      `INSERT INTO rep_out_of_office (rep_id, starts_at, ends_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [id, period.from, period.to],
    );
  }

  /** Drops the rep's periods that are over: they can no longer keep anyone from a lead. */
  async removeEndedOutOfOffice(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM rep_out_of_office WHERE rep_id = $1 AND ends_at <= now()`, [id]);
  }

  /** Removes the one period given, or every period; answers how many were removed. */
  async removeOutOfOffice(manager: EntityManager, id: string, period?: Period): Promise<number> {
    const [, removed]: [unknown, number] = period
      ? await manager.query(`DELETE FROM rep_out_of_office WHERE rep_id = $1 AND starts_at = $2 AND ends_at = $3`, [
          id,
          period.from,
          period.to,
        ])
      : await manager.query(`DELETE FROM rep_out_of_office WHERE rep_id = $1`, [id]);
    return removed;
  }

  async setPausedUntil(manager: EntityManager, id: string, until: string | null): Promise<void> {
    await manager.query(`UPDATE reps SET paused_until = $2, updated_at = now() WHERE id = $1`, [id, until]);
  }

  /** Ids of the reps in a team, for the check before the team is deleted. */
  async membersOf(manager: EntityManager, teamId: string): Promise<string[]> {
    const rows: { rep_id: string }[] = await manager.query(
      `SELECT rep_id FROM rep_teams WHERE team_id = $1 ORDER BY rep_id COLLATE "C"`,
      [teamId],
    );
    return rows.map((row) => row.rep_id);
  }
}

function rowOf(rep: RepProfile) {
  return {
    id: rep.id,
    name: rep.name,
    active: rep.active,
    weight: rep.weight,
    languages: rep.languages,
    skills: rep.skills,
    time_zone: rep.timeZone,
    working_hours: rep.workingHours,
    paused_until: rep.pausedUntil ?? null,
    daily_cap: rep.dailyCap ?? null,
    rolling_30_day_cap: rep.rolling30DayCap ?? null,
    team_ids: rep.teamIds,
    out_of_office: rep.outOfOffice,
  };
}

function profileOf(row: RepRow): RepProfile {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    teamIds: row.team_ids,
    weight: row.weight,
    languages: row.languages,
    skills: row.skills,
    timeZone: row.time_zone,
    workingHours: row.working_hours,
    outOfOffice: row.away_from.map((from, index) => ({
      from: from.toISOString(),
      to: row.away_to[index].toISOString(),
    })),
    ...(row.paused_until === null ? {} : { pausedUntil: row.paused_until.toISOString() }),
    ...(row.daily_cap === null ? {} : { dailyCap: row.daily_cap }),
    ...(row.rolling_30_day_cap === null ? {} : { rolling30DayCap: row.rolling_30_day_cap }),
  };
}
