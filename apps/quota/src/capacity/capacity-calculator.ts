import { Injectable } from '@nestjs/common';
import { attainmentOf, capacityOf, fiscalPeriodOf, type RepCapacityFigures } from '@handoff/domain-quota';
import type { EntityManager } from 'typeorm';
import { QuotaConfig } from '../app/quota.config';
import { QuotaBooks } from '../books/quota-books.store';

/** Each rep's capacity figures now: revenue attainment in the capacity period, open leads against the limit. */
@Injectable()
export class CapacityCalculator {
  constructor(
    private readonly books: QuotaBooks,
    private readonly config: QuotaConfig,
  ) {}

  async figuresOf(manager: EntityManager, repIds: readonly string[], now: string): Promise<RepCapacityFigures[]> {
    if (repIds.length === 0) return [];
    const kind = this.config.QUOTA_CAPACITY_PERIOD;
    const period = fiscalPeriodOf(this.config.fiscalCalendar, kind, now);
    const quotas = new Map(
      (await this.books.quotasHolding(manager, repIds, kind, now)).map((quota) => [quota.owner.id, quota]),
    );
    const contributions = await this.books.contributions(repIds, period.start, period.end, manager);
    const rates = await this.books.rates(manager);
    const workloads = await this.books.workloads(repIds, now, manager);
    const limits = await this.books.limits(repIds, manager);
    return repIds.map((repId) => {
      const quota = quotas.get(repId);
      const counted = contributions.filter((c) => c.repId === repId && !c.withdrawn);
      const attainment = quota
        ? attainmentOf(quota, counted, { rates, now, timeZone: this.config.QUOTA_TIME_ZONE })
        : undefined;
      return capacityOf({
        repId,
        periodId: quota?.period.id ?? period.id,
        revenue: attainment?.revenue,
        openLeads: workloads.get(repId)?.openLeads ?? 0,
        maxOpenLeads: limits.get(repId) ?? this.config.QUOTA_DEFAULT_MAX_OPEN_LEADS,
      });
    });
  }
}
