import { Injectable } from '@nestjs/common';
import type { FieldIssue } from '@handoff/contracts';
import type { QuotaOwner } from '@handoff/domain-quota';
import {
  allOrNothing,
  byColumn,
  type CsvImportResult,
  type CsvRowResult,
  parseCsvTable,
  readRows,
  rejectedRow,
  writeRows,
  type Written,
} from '@handoff/platform-runtime';
import { DomainError } from '@handoff/shared-errors';
import type { EntityManager } from 'typeorm';
import { ConfigWrites } from '../books/config-writes';
import { type QuotaFilter, QuotaBooks, type StoredQuota } from '../books/quota-books.store';
import { QuotaConfig } from '../app/quota.config';
import { QUOTA_CSV_FORMAT } from './quota-csv.format';
import { type QuotaBody, type ResolvedQuota, resolveQuota } from './quota-rules';
import { QuotasStore } from './quotas.store';

/** Quota writes hold one lock: the one-quota-per-owner-and-period check must still hold when they commit. */
const QUOTAS_LOCK = 'quotas';

/** Quotas: written whole by id (or a CSV file of them, all or nothing), read, listed and deleted. */
@Injectable()
export class QuotasService {
  constructor(
    private readonly config: QuotaConfig,
    private readonly books: QuotaBooks,
    private readonly writes: ConfigWrites,
    private readonly store: QuotasStore,
  ) {}

  list(filter: QuotaFilter): Promise<StoredQuota[]> {
    return this.books.quotas(filter);
  }

  async get(id: string): Promise<StoredQuota> {
    return found(await this.books.quota(id), id);
  }

  /** Creates or replaces the quota; answers it as stored and whether it was new. */
  put(id: string, body: QuotaBody): Promise<Written<StoredQuota>> {
    const resolved = resolveQuota(id, body, this.config.fiscalCalendar);
    return this.writes.run(QUOTAS_LOCK, async (manager) => {
      const clash = await this.holderOfSlot(manager, resolved, new Set([id]));
      if (clash) throw conflict(clash, resolved);
      const previous = await this.books.quota(id, manager);
      const created = await this.store.save(manager, [resolved]);
      const record = found(await this.books.quota(id, manager), id);
      const reps = await this.repsOf(manager, [resolved.quota.owner, ...(previous ? [previous.owner] : [])]);
      return { result: { record, created: created.has(id) }, change: { reps, cause: 'quota-written' } };
    });
  }

  delete(id: string): Promise<void> {
    return this.writes.run(QUOTAS_LOCK, async (manager) => {
      const previous = found(await this.books.quota(id, manager), id);
      await this.store.delete(manager, id);
      return {
        result: undefined,
        change: { reps: await this.repsOf(manager, [previous.owner]), cause: 'quota-deleted' },
      };
    });
  }

  async exportCsv(): Promise<string> {
    return writeRows(QUOTA_CSV_FORMAT, await this.books.quotas());
  }

  /**
   * Writes every row or none: a row is checked with the JSON API's rules, then that no other row or stored quota
   * holds its owner and period; one failing row rejects the file and every failing row is reported.
   */
  async importCsv(text: unknown): Promise<CsvImportResult> {
    const table = parseCsvTable(text, QUOTA_CSV_FORMAT.subject, QUOTA_CSV_FORMAT.columns);
    const { rows, rejected } = readRows(table, QUOTA_CSV_FORMAT);
    const resolved: { row: number; id: string; quota: ResolvedQuota }[] = [];
    for (const { row, id, body } of rows) {
      try {
        resolved.push({ row, id, quota: resolveQuota(id, body, this.config.fiscalCalendar) });
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'invalid') throw error;
        rejected.push(rejectedRow(row, id, byColumn(error.details ?? [], QUOTA_CSV_FORMAT)));
      }
    }
    return this.writes.run(QUOTAS_LOCK, async (manager) => {
      const outcomes: CsvRowResult[] = [...rejected];
      const fileIds = new Set(resolved.map((entry) => entry.id));
      const firstLineOf = new Map<string, number>();
      for (const { row, id, quota } of resolved) {
        const slot = slotOf(quota);
        const issues: FieldIssue[] = [];
        const earlier = firstLineOf.get(slot);
        if (earlier !== undefined) issues.push(slotIssue(`line ${earlier} holds`, quota));
        firstLineOf.set(slot, earlier ?? row);
        const clash = await this.holderOfSlot(manager, quota, fileIds);
        if (clash) issues.push(slotIssue(`the quota ${JSON.stringify(clash.id)} holds`, quota));
        outcomes.push(issues.length > 0 ? rejectedRow(row, id, issues) : { row, id, status: 'imported' });
      }
      const result = allOrNothing(outcomes);
      if (result.rejected > 0) return { result };
      await this.store.save(
        manager,
        resolved.map((entry) => entry.quota),
      );
      const reps = await this.repsOf(
        manager,
        resolved.map((entry) => entry.quota.quota.owner),
      );
      return { result, change: { reps, cause: 'quotas-imported' } };
    });
  }

  /** The stored quota, other than those `replacing`, that already holds the quota's owner and period. */
  private async holderOfSlot(
    manager: EntityManager,
    { quota }: ResolvedQuota,
    replacing: ReadonlySet<string>,
  ): Promise<StoredQuota | undefined> {
    const holders = await this.books.quotas(
      { periodId: quota.period.id, ownerKind: quota.owner.kind, ownerIds: [quota.owner.id] },
      manager,
    );
    return holders.find((holder) => !replacing.has(holder.id));
  }

  /** The reps whose capacity the owners' quotas move: a rep itself, a team's current members. */
  private async repsOf(manager: EntityManager, owners: readonly QuotaOwner[]): Promise<string[]> {
    const now = new Date().toISOString();
    const reps = await Promise.all(
      owners.map((owner) => (owner.kind === 'rep' ? [owner.id] : this.books.teamMembersAt(owner.id, now, manager))),
    );
    return [...new Set(reps.flat())].sort();
  }
}

const slotOf = ({ quota }: ResolvedQuota): string =>
  JSON.stringify([quota.owner.kind, quota.owner.id, quota.period.id]);

function slotIssue(holder: string, { quota }: ResolvedQuota): FieldIssue {
  const reason = `${holder} the ${quota.owner.kind} ${quota.owner.id}’s quota for ${quota.period.id}; one quota per owner and period`;
  return { field: 'period', reasons: [reason] };
}

function conflict(holder: StoredQuota, resolved: ResolvedQuota): DomainError {
  const message = `the quota ${JSON.stringify(holder.id)} already holds this owner and period`;
  return new DomainError('conflict', message, {
    details: [slotIssue(`the quota ${JSON.stringify(holder.id)} holds`, resolved)],
  });
}

function found(quota: StoredQuota | undefined, id: string): StoredQuota {
  if (quota === undefined) throw new DomainError('not-found', `no quota has the id ${JSON.stringify(id)}`);
  return quota;
}
