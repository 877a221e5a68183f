import { type Attainment, landsAfterClose, type PaceVerdict, type Period } from '@handoff/domain-quota';
import type { StoredContribution } from '../books/quota-books.store';
import { compareIds } from './team-quota';

/** One member of a team's leaderboard: the rep's own figures for the period (revenue ones null without a target). */
export interface LeaderboardRow {
  rank: number;
  repId: string;
  /** The rep's quota for the period; null when the rep has none (ranked after those with a revenue target). */
  quotaId: string | null;
  currency: string | null;
  attainmentRatio: number | null;
  attained: number | null;
  target: number | null;
  pace: PaceVerdict | null;
  paceGap: number | null;
  dealsWon: number;
  leadsAccepted: number;
  meetingsHeld: number;
  openLeads: number;
  pendingConversions: number;
  restated: boolean;
}

export interface MemberFigures {
  repId: string;
  /** The rep's quota's figures, when the rep has a quota for the period. */
  attainment?: Attainment;
  /** The rep's contributions in the period, withdrawn ones included. */
  contributions: readonly StoredContribution[];
  openLeads: number;
}

/** The members ranked: revenue attainment ratio (highest first, none last), then deals won, then rep id. */
export function leaderboardRows(period: Period, members: readonly MemberFigures[]): LeaderboardRow[] {
  return members
    .map((member) => rowOf(period, member))
    .sort(
      (a, b) =>
        (b.attainmentRatio ?? -Infinity) - (a.attainmentRatio ?? -Infinity) ||
        b.dealsWon - a.dealsWon ||
        compareIds(a.repId, b.repId),
    )
    .map((row, index) => ({ ...row, rank: index + 1 }));
}

function rowOf(period: Period, { repId, attainment, contributions, openLeads }: MemberFigures): LeaderboardRow {
  const revenue = attainment?.revenue;
  const counted = contributions.filter((c) => !c.withdrawn);
  const countOf = (kind: StoredContribution['kind']) => counted.filter((c) => c.kind === kind).length;
  return {
    rank: 0,
    repId,
    quotaId: attainment?.quotaId ?? null,
    currency: revenue?.currency ?? null,
    attainmentRatio: revenue?.ratio ?? null,
    attained: revenue?.attained ?? null,
    target: revenue?.target ?? null,
    pace: revenue?.pace ?? null,
    paceGap: revenue?.paceGap ?? null,
    dealsWon: countOf('deal_won'),
    leadsAccepted: countOf('lead_accepted'),
    meetingsHeld: countOf('meeting_held'),
    openLeads,
    pendingConversions: revenue?.pendingConversion.length ?? 0,
    restated: attainment?.restated ?? contributions.some((c) => landsAfterClose(period, c.at, c.recordedAt)),
  };
}
