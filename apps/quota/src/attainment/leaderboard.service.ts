import { Injectable } from '@nestjs/common';
import { type Attainment, teamMembersDuring } from '@handoff/domain-quota';
import type { EntityManager } from 'typeorm';
import { QuotaBooks, type StoredPeriod } from '../books/quota-books.store';
import { AttainmentReads } from './attainment-reads';
import { groupBy } from './group-by';
import { type LeaderboardRow, leaderboardRows } from './leaderboard';
import { quotaFigures, withTeams } from './quota-figures';
import { type TargetsSource, teamQuotaOf } from './team-quota';

/** A team's own figures: against its quota (`quotaId`) or its members' rolled-up targets (`quotaId` null). */
export interface TeamAttainment extends Omit<Attainment, 'quotaId'> {
  quotaId: string | null;
  targetsSource: TargetsSource;
}

export interface Leaderboard {
  teamId: string;
  period: StoredPeriod;
  asOf: string;
  team: TeamAttainment;
  /** Every rep in the team at any time in the period, ranked. */
  members: LeaderboardRow[];
}

/** A team's attainment in a period and its members ranked. */
@Injectable()
export class LeaderboardService {
  constructor(
    private readonly reads: AttainmentReads,
    private readonly books: QuotaBooks,
  ) {}

  ofTeam(teamId: string, periodId: string | undefined): Promise<Leaderboard> {
    return this.reads.snapshot((manager, now) => this.read(manager, now, teamId, periodId));
  }

  private async read(manager: EntityManager, now: string, teamId: string, periodId?: string): Promise<Leaderboard> {
    const period = await this.reads.period(manager, periodId, 'period', now);
    const memberships = await this.books.membershipsOfTeamMembers(teamId, period.start, period.end, manager);
    const members = teamMembersDuring(memberships, teamId, period);
    const quotas = await this.books.quotas({ periodId: period.id, ownerIds: [...members, teamId] }, manager);
    const repQuotas = quotas.filter((quota) => quota.owner.kind === 'rep');
    const teamQuota = teamQuotaOf(teamId, period, quotas, memberships);
    const contributions = await this.books.contributions(members, period.start, period.end, manager);
    const context = await this.reads.figuresContext(manager, now);
    const workloads = await this.books.workloads(members, now, manager);
    const teamFigures = quotaFigures(teamQuota.quota, withTeams(contributions, memberships), context);
    const quotaOfRep = new Map(repQuotas.map((quota) => [quota.owner.id, quota]));
    const contributionsOfRep = groupBy(contributions, (contribution) => contribution.repId);
    const rows = leaderboardRows(
      period,
      members.map((repId) => {
        const own = contributionsOfRep.get(repId) ?? [];
        const quota = quotaOfRep.get(repId);
        return {
          repId,
          contributions: own,
          openLeads: workloads.get(repId)?.openLeads ?? 0,
          ...(quota ? { attainment: quotaFigures(quota, own, context) } : {}),
        };
      }),
    );
    return {
      teamId,
      period,
      asOf: now,
      team: {
        ...teamFigures,
        quotaId: teamQuota.source === 'team_quota' ? teamQuota.quota.id : null,
        targetsSource: teamQuota.source,
      },
      members: rows,
    };
  }
}
