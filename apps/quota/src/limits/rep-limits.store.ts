import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Writes the rep_limits table; QuotaBooks reads it. */
@Injectable()
export class RepLimitsStore {
  async set(manager: EntityManager, repId: string, maxOpenLeads: number): Promise<void> {
    await manager.query(
      `INSERT INTO rep_limits (rep_id, max_open_leads) VALUES ($1, $2)
       ON CONFLICT (rep_id) DO UPDATE SET max_open_leads = EXCLUDED.max_open_leads`,
      [repId, maxOpenLeads],
    );
  }

  async clear(manager: EntityManager, repId: string): Promise<void> {
    await manager.query(`DELETE FROM rep_limits WHERE rep_id = $1`, [repId]);
  }
}
