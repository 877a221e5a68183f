import {
  type Attainment,
  type CountTarget,
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

/** The target a headline figure is about: revenue, or the first count target of a quota without one. */
export type Measure = 'revenue' | CountTarget;
/** In the order a quota's headline is chosen. */
export const MEASURES: readonly Measure[] = ['revenue', 'dealsWon', 'leadsAccepted', 'meetingsHeld'];

/** A team's figures in the summary; when its targets cannot be rolled up, only why (`unavailable`). */
export interface TeamRollUp {
  teamId: string;
  targetsSource: TargetsSource | null;
  measure: Measure | null;
  /** The revenue target's currency when the measure is revenue. */
  currency: string | null;
  attainmentRatio: number | null;
  pace: PaceVerdict | null;
  restated: boolean;
  unavailable?: string;
}

export interface PeriodSummary {
  period: StoredPeriod & { elapsedFraction: number };
  asOf: string;
  /** The rep quotas' revenue targets and attainment, per currency. */
  revenue: RevenueTotal[];
  reps: { withQuota: number; ahead: number; onPace: number; behind: number; withPendingConversions: number };
  /** Quotas (rep and team; not rolled-up targets) whose figures changed after the period closed. */
  restatedQuotas: number;
  teams: TeamRollUp[];
}

const PACE_COUNT: Record<PaceVerdict, 'ahead' | 'onPace' | 'behind'> = {
  ahead: 'ahead',
  on_pace: 'onPace',
  behind: 'behind',
};

/** The period at a glance from its rep quotas' figures (revenue per currency, reps by headline pace) and teams. */
export function periodSummaryOf(
  period: StoredPeriod,
  now: string,
  repFigures: readonly Attainment[],
  teams: readonly TeamRollUp[],
): PeriodSummary {
  const reps = { withQuota: repFigures.length, ahead: 0, onPace: 0, behind: 0, withPendingConversions: 0 };
  for (const figures of repFigures) {
    const headline = headlineOf(figures);
    if (headline) reps[PACE_COUNT[headline.figures.pace]] += 1;
    if ((figures.revenue?.pendingConversion.length ?? 0) > 0) reps.withPendingConversions += 1;
  }
  return {
    period: { ...period, elapsedFraction: elapsedFraction(period, now) },
    asOf: now,
    revenue: revenueTotals(repFigures),
    reps,
    restatedQuotas:
      repFigures.filter((figures) => figures.restated).length +
      teams.filter((team) => team.targetsSource === 'team_quota' && team.restated).length,
    teams: [...teams].sort((a, b) => compareIds(a.teamId, b.teamId)),
  };
}

/** A team's line: its figures' headline, or why its members' targets could not be rolled up. */
export function teamRollUpOf(
  teamId: string,
  result: { source: TargetsSource; figures: Attainment } | { unavailable: string },
): TeamRollUp {
  if ('unavailable' in result) {
    const none = { targetsSource: null, measure: null, currency: null, attainmentRatio: null, pace: null };
    return { teamId, ...none, restated: false, unavailable: result.unavailable };
  }
  const headline = headlineOf(result.figures);
  return {
    teamId,
    targetsSource: result.source,
    measure: headline?.measure ?? null,
    currency: result.figures.revenue?.currency ?? null,
    attainmentRatio: headline?.figures.ratio ?? null,
    pace: headline?.figures.pace ?? null,
    restated: result.figures.restated,
  };
}

function headlineOf(figures: Attainment): { measure: Measure; figures: TargetAttainment } | undefined {
  for (const measure of MEASURES) {
    const target = figures[measure];
    if (target) return { measure, figures: target };
  }
  return undefined;
}

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
