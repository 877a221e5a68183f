import { Injectable } from '@nestjs/common';
import { type Attainment, teamOfRepAt } from '@handoff/domain-quota';
import { DomainError } from '@handoff/shared-errors';
import { QuotaBooks, type StoredPeriod, type Workload } from '../books/quota-books.store';
import { AttainmentReads } from './attainment-reads';
import { quotaFigures } from './quota-figures';

export interface RepAttainment extends Attainment {
  period: StoredPeriod;
  /** The rep's team now. */
  teamId: string | null;
  workload: Workload;
}

const NO_WORKLOAD: Workload = { openLeads: 0, receivedLast24h: 0, receivedLast30d: 0 };

/** A rep's quota figures for a period, with the rep's workload and team now. */
@Injectable()
export class RepAttainmentService {
  constructor(
    private readonly reads: AttainmentReads,
    private readonly books: QuotaBooks,
  ) {}

  ofRep(repId: string, periodId: string | undefined): Promise<RepAttainment> {
    return this.reads.snapshot(async (manager, now) => {
      const period = await this.reads.period(manager, periodId, 'period', now);
      const [quota] = await this.books.quotas({ periodId: period.id, ownerKind: 'rep', ownerIds: [repId] }, manager);
      if (!quota) throw new DomainError('not-found', `Rep ${repId} has no quota for ${period.id}`);
      const contributions = await this.books.contributions([repId], period.start, period.end, manager);
      const figures = quotaFigures(quota, contributions, await this.reads.figuresContext(manager, now));
      const memberships = await this.books.memberships([repId], manager);
      const workloads = await this.books.workloads([repId], now, manager);
      return {
        ...figures,
        period,
        teamId: teamOfRepAt(memberships, repId, now) ?? null,
        workload: workloads.get(repId) ?? NO_WORKLOAD,
      };
    });
  }
}
