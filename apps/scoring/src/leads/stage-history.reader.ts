import { Injectable } from '@nestjs/common';
import type { StageChangeReason } from '@handoff/domain-scoring';
import type { LifecycleStage } from '@handoff/shared-vocabulary';
import { DataSource } from 'typeorm';

export interface StageChangeView {
  from: LifecycleStage;
  to: LifecycleStage;
  at: string;
  reason: StageChangeReason;
  detail: string | null;
}

interface StageChangeRecord {
  from_stage: LifecycleStage;
  to_stage: LifecycleStage;
  changed_at: Date;
  reason: StageChangeReason;
  detail: string | null;
}

/** Reads one lead's stage changes in the order they were made. */
@Injectable()
export class StageHistoryReader {
  constructor(private readonly dataSource: DataSource) {}

  async changes(leadId: string): Promise<StageChangeView[]> {
    const rows: StageChangeRecord[] = await this.dataSource.query(
      `SELECT from_stage, to_stage, changed_at, reason, detail FROM lead_stage_changes WHERE lead_id = $1 ORDER BY id`,
      [leadId],
    );
    return rows.map((row) => ({
      from: row.from_stage,
      to: row.to_stage,
      at: row.changed_at.toISOString(),
      reason: row.reason,
      detail: row.detail,
    }));
  }
}
