import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResolvedQuota } from './quota-rules';

/** Writes the quotas table; QuotaBooks reads it. */
@Injectable()
export class QuotasStore {
  /** Creates or replaces each quota by id; answers the ids that were new. */
  async save(manager: EntityManager, quotas: readonly ResolvedQuota[]): Promise<Set<string>> {
    if (quotas.length === 0) return new Set();
    const rows: { id: string; created: boolean }[] = await manager.query(
      `INSERT INTO quotas (id, owner_kind, owner_id, period_id, period_kind, period_start, period_end, targets, curve)
       SELECT q.id, q.owner_kind, q.owner_id, q.period_id, q.period_kind, q.period_start, q.period_end, q.targets,
              q.curve
         FROM jsonb_to_recordset($1::jsonb) AS q(id varchar, owner_kind varchar, owner_id varchar, period_id varchar,
              period_kind varchar, period_start timestamptz, period_end timestamptz, targets jsonb, curve jsonb)
       ON CONFLICT (id) DO UPDATE SET
         owner_kind = EXCLUDED.owner_kind, owner_id = EXCLUDED.owner_id, period_id = EXCLUDED.period_id,
         period_kind = EXCLUDED.period_kind, period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
         targets = EXCLUDED.targets, curve = EXCLUDED.curve, updated_at = now()
       RETURNING id, (xmax = 0) AS created`,
      [JSON.stringify(quotas.map(rowOf))],
    );
    return new Set(rows.filter((row) => row.created).map((row) => row.id));
  }

  /** Deletes the quota; answers whether there was one. */
  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [, removed]: [unknown, number] = await manager.query(`DELETE FROM quotas WHERE id = $1`, [id]);
    return removed > 0;
  }
}

function rowOf({ quota, periodKind }: ResolvedQuota) {
  return {
    id: quota.id,
    owner_kind: quota.owner.kind,
    owner_id: quota.owner.id,
    period_id: quota.period.id,
    period_kind: periodKind,
    period_start: quota.period.start,
    period_end: quota.period.end,
    targets: quota.targets,
    curve: quota.curve,
  };
}
