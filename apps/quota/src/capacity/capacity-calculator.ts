import { Injectable } from '@nestjs/common';
import { capacityOf, fiscalPeriodOf, type RepCapacityFigures } from '@handoff/domain-quota';
import type { EntityManager } from 'typeorm';
import { QuotaConfig } from '../app/quota.config';
import { QuotaBooks, type StoredQuota } from '../books/quota-books.store';
import { AttainmentReads } from '../attainment/attainment-reads';
import { groupBy } from '../attainment/group-by';
import { quotaFigures } from '../attainment/quota-figures';

/**
 * Each rep's capacity figures now: revenue attainment of the rep's quota of the capacity period kind holding now,
 * open leads and the lead limit. A fixed number of queries for any number of reps, in the caller's transaction.
 */
@Injectable()
export class CapacityCalculator {
  constructor(
    private readonly books: QuotaBooks,
    private readonly reads: AttainmentReads,
    private readonly config: QuotaConfig,
  ) {}

  async figuresOf(manager: EntityManager, repIds: readonly string[], now: string): Promise<RepCapacityFigures[]> {
    if (repIds.length === 0) return [];
    const kind = this.config.QUOTA_CAPACITY_PERIOD;
    const quotaOfRep = firstQuotaOfEachRep(await this.books.quotasHolding(manager, repIds, kind, now));
    const quotas = [...quotaOfRep.values()];
    // One read covers every holding period: they may differ when a custom period was stored with this kind. Only
    // revenue: capacity carries nothing else, and re-checking every kind was a third of the service's CPU.
    const contributions =
      quotas.length === 0
        ? []
        : await this.books.contributions(
            [...quotaOfRep.keys()],
            earliest(quotas.map((quota) => quota.period.start)),
            latest(quotas.map((quota) => quota.period.end)),
            manager,
            ['revenue'],
          );
    const contributionsOfRep = groupBy(contributions, (contribution) => contribution.repId);
    const context = await this.reads.figuresContext(manager, now);
    const workloads = await this.books.workloads(repIds, now, manager);
    const limits = await this.books.limits(repIds, manager);
    const currentPeriodId = fiscalPeriodOf(this.config.fiscalCalendar, kind, now).id;
    return repIds.map((repId) => {
      const quota = quotaOfRep.get(repId);
      const revenue = quota && quotaFigures(quota, contributionsOfRep.get(repId) ?? [], context).revenue;
      return capacityOf({
        repId,
        periodId: quota?.period.id ?? currentPeriodId,
        ...(revenue ? { revenue } : {}),
        openLeads: workloads.get(repId)?.openLeads ?? 0,
        maxOpenLeads: limits.get(repId) ?? this.config.QUOTA_DEFAULT_MAX_OPEN_LEADS,
      });
    });
  }
}

/** Quotas come sorted by id; a rep with two holding now (only custom periods can overlap) is measured by the first. */
function firstQuotaOfEachRep(quotas: readonly StoredQuota[]): Map<string, StoredQuota> {
  const first = new Map<string, StoredQuota>();
  for (const quota of quotas) if (!first.has(quota.owner.id)) first.set(quota.owner.id, quota);
  return first;
}

const earliest = (instants: string[]): string => instants.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
const latest = (instants: string[]): string => instants.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
