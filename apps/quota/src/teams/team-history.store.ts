import { Injectable } from '@nestjs/common';
import type { TeamMembership } from '@handoff/domain-quota';
import type { EntityManager } from 'typeorm';

/** Writes the team_memberships table; QuotaBooks reads it. */
@Injectable()
export class TeamHistoryStore {
  /** Replaces the rep's whole history with `memberships`. */
  async replace(manager: EntityManager, repId: string, memberships: readonly TeamMembership[]): Promise<void> {
    await manager.query(`DELETE FROM team_memberships WHERE rep_id = $1`, [repId]);
    if (memberships.length === 0) return;
    await manager.query(
      `INSERT INTO team_memberships (rep_id, team_id, valid_from, valid_to)
       SELECT $1, m.team_id, m.valid_from, m.valid_to
         FROM jsonb_to_recordset($2::jsonb) AS m(team_id varchar, valid_from timestamptz, valid_to timestamptz)`,
      [
        repId,
        JSON.stringify(memberships.map((m) => ({ team_id: m.teamId, valid_from: m.from, valid_to: m.to ?? null }))),
      ],
    );
  }
}
