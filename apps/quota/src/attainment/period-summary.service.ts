import { Injectable } from '@nestjs/common';
import { teamMembersDuring } from '@handoff/domain-quota';
import { DomainError } from '@handoff/shared-errors';
import type { EntityManager } from 'typeorm';
import { QuotaBooks } from '../books/quota-books.store';
import { AttainmentReads } from './attainment-reads';
import { groupBy } from './group-by';
import { type PeriodSummary, periodSummaryOf, teamRollUpOf } from './period-summary';
import { quotaFigures, withTeams } from './quota-figures';
import { teamQuotaOf, teamsOfPeriod } from './team-quota';

/** A period at a glance: revenue per currency, reps by pace, restatements, and each team's roll-up. */
@Injectable()
export class PeriodSummaryService {
  constructor(
    private readonly reads: AttainmentReads,
    private readonly books: QuotaBooks,
  ) {}

  ofPeriod(periodId: string): Promise<PeriodSummary> {
    return this.reads.snapshot((manager, now) => this.read(manager, now, periodId));
  }

  private async read(manager: EntityManager, now: string, periodId: string): Promise<PeriodSummary> {
    const period = await this.reads.period(manager, periodId, 'id', now);
    const quotas = await this.books.quotas({ periodId: period.id }, manager);
    if (quotas.length === 0) throw new DomainError('not-found', `No quota is set for ${period.id}`);
    // The whole team history: which teams have figures, and whose outcomes count for them, depend on all of it.
    const memberships = await this.books.memberships(undefined, manager);
    const teams = teamsOfPeriod(period, quotas, memberships);
    const repQuotas = quotas.filter((quota) => quota.owner.kind === 'rep');
    const reps = new Set([
      ...repQuotas.map((quota) => quota.owner.id),
      ...teams.flatMap((teamId) => teamMembersDuring(memberships, teamId, period)),
    ]);
    const contributions = withTeams(
      await this.books.contributions([...reps], period.start, period.end, manager),
      memberships,
    );
    const context = await this.reads.figuresContext(manager, now);
    const contributionsOfRep = groupBy(contributions, (contribution) => contribution.repId);
    const repFigures = repQuotas.map((quota) =>
      quotaFigures(quota, contributionsOfRep.get(quota.owner.id) ?? [], context),
    );
    const rollUps = teams.map((teamId) => {
      try {
        const { quota, source } = teamQuotaOf(teamId, period, quotas, memberships);
        return teamRollUpOf(teamId, { source, figures: quotaFigures(quota, contributions, context) });
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'conflict') throw error;
        return teamRollUpOf(teamId, { unavailable: error.message });
      }
    });
    return periodSummaryOf(period, now, repFigures, rollUps);
  }
}
