import {
  type Attainment,
  elapsedFraction,
  type PaceVerdict,
  roundMoney,
  type TargetAttainment,
} from '@handoff/domain-quota';
import type { StoredPeriod } from '../books/quota-books.store';
import { compareIds, type TargetsSource } from './team-quota';

export interface RevenueTotal {
  currency: string;
  target: number;
  attained: number;
  ratio: number;
}

/** A team's figures in the summary; without targets (members' revenue in several currencies) only `unavailable`. */
export interface TeamRollUp {
  teamId: string;
  targetsSource: TargetsSource | null;
  currency: string | null;
  /** The team's revenue attainment ratio; null without a revenue target or when unavailable. */
  attainmentRatio: number | null;
  pace: PaceVerdict | null;
  unavailable?: string;
}

export interface PeriodSummary {
  period: StoredPeriod & { elapsedFraction: number };
  asOf: string;
  /** The rep quotas' revenue targets and attainment, per currency. */
  revenue: RevenueTotal[];
  reps: { withQuota: number; ahead: number; onPace: number; behind: number; withPendingConversions: number };
  /** Quotas (rep and team) whose figures changed after the period closed. */
  restatedQuotas: number;
  teams: TeamRollUp[];
}

const PACE_COUNT: Record<PaceVerdict, 'ahead' | 'onPace' | 'behind'> = {
  ahead: 'ahead',
  on_pace: 'onPace',
  behind: 'behind',
};

/**
 * The period at a glance from the figures of its quotas: rep quotas add up per currency and count by pace (by
 * revenue, or the first count target of a quota without one); team quotas count only when restated.
 */
export function periodSummaryOf(
  period: StoredPeriod,
  now: string,
  repFigures: readonly Attainment[],
  teamQuotaFigures: readonly Attainment[],
  teams: readonly TeamRollUp[],
): PeriodSummary {
  const reps = { withQuota: repFigures.length, ahead: 0, onPace: 0, behind: 0, withPendingConversions: 0 };
  for (const figures of repFigures) {
    const headline = headlineOf(figures);
    if (headline) reps[PACE_COUNT[headline.pace]] += 1;
    if ((figures.revenue?.pendingConversion.length ?? 0) > 0) reps.withPendingConversions += 1;
  }
  return {
    period: { ...period, elapsedFraction: elapsedFraction(period, now) },
    asOf: now,
    revenue: revenueTotals(repFigures),
    reps,
    restatedQuotas: [...repFigures, ...teamQuotaFigures].filter((figures) => figures.restated).length,
    teams: [...teams].sort((a, b) => compareIds(a.teamId, b.teamId)),
  };
}

const headlineOf = (figures: Attainment): TargetAttainment | undefined =>
  figures.revenue ?? figures.dealsWon ?? figures.leadsAccepted ?? figures.meetingsHeld;

function revenueTotals(repFigures: readonly Attainment[]): RevenueTotal[] {
  const totals = new Map<string, RevenueTotal>();
  for (const { revenue } of repFigures) {
    if (!revenue) continue;
    const { currency } = revenue;
    const total = totals.get(currency) ?? { currency, target: 0, attained: 0, ratio: 0 };
    total.target = roundMoney(total.target + revenue.target, currency);
    total.attained = roundMoney(total.attained + revenue.attained, currency);
    total.ratio = total.attained / total.target;
    totals.set(currency, total);
  }
  return [...totals.values()].sort((a, b) => compareIds(a.currency, b.currency));
}
