import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditEntryView, AuditPage } from '@handoff/console-api';
import { LessThan, type Repository } from 'typeorm';
import { AuditEntry } from '../storage/audit-entry.entity';

/** What one audit line says; the actor is whoever the session names (or the name a failed sign-in gave). */
export interface AuditRecord {
  actorId: string;
  actorName: string;
  action: string;
  target: string;
  outcome: 'succeeded' | 'failed';
  /** An allow-listed summary (status, reason, method): never a request body. */
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditLog {
  private readonly logger = new Logger(AuditLog.name);

  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(record: AuditRecord): Promise<void> {
    const { detail, ...fields } = record;
    const entry = this.entries.create({ ...fields, actorName: fields.actorName.slice(0, 256), detail: detail ?? null });
    await this.entries.save(entry);
  }

  /**
   * Records without failing the caller: the action it describes has already happened, and refusing its answer
   * would only make the operator retry it. The log line says what was lost (no personal data: ids and action).
   */
  async recordQuietly(record: AuditRecord): Promise<void> {
    await this.record(record).catch((error: unknown) =>
      this.logger.error({
        msg: 'audit entry not written',
        action: record.action,
        outcome: record.outcome,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }

  /** Newest first; `before` is the id the previous page ended on. */
  async page(before: string | undefined, limit: number): Promise<AuditPage> {
    const rows = await this.entries.find({
      where: before === undefined ? {} : { id: LessThan(before) },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    const entries = rows.slice(0, limit).map(viewOf);
    return rows.length > limit ? { entries, nextBefore: entries[entries.length - 1].id } : { entries };
  }
}

function viewOf(entry: AuditEntry): AuditEntryView {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    target: entry.target,
    outcome: entry.outcome,
    ...(entry.detail ? { detail: entry.detail } : {}),
  };
}
