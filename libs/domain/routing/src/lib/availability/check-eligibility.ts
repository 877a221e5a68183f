import { ELIGIBILITY_CHECKS, type EligibilityCheck, type EligibilityCheckName } from '../decision.types';
import type { Pool, RepCapacity, RepLoad, RepProfile } from '../directory.types';
import { workingHoursAt } from './working-hours';

export interface EligibilityContext {
  now: string;
  pool: Pool;
  load?: RepLoad;
  capacity?: RepCapacity;
  /** Reps who already had this qualification. */
  triedRepIds: readonly string[];
}

type Verdict = Omit<EligibilityCheck, 'check'>;
type Check = (rep: RepProfile, context: EligibilityContext) => Verdict;

const at = (instant: string): number => Date.parse(instant);

function underCap(cap: number | undefined, count: number, what: string): Verdict {
  if (cap === undefined) return { passed: true, detail: `no ${what} cap` };
  const passed = count < cap;
  return { passed, detail: `${count} of ${cap} ${what}${passed ? '' : ' (cap reached)'}` };
}

const CHECKS: Record<EligibilityCheckName, Check> = {
  active: (rep) => ({ passed: rep.active, detail: rep.active ? 'active' : 'inactive' }),
  paused: (rep, { now }) =>
    rep.pausedUntil !== undefined && at(rep.pausedUntil) > at(now)
      ? { passed: false, detail: `paused until ${rep.pausedUntil}` }
      : { passed: true, detail: 'not paused' },
  out_of_office: (rep, { now }) => {
    const away = rep.outOfOffice.find((period) => at(period.from) <= at(now) && at(now) < at(period.to));
    return away
      ? { passed: false, detail: `out of office until ${away.to}` }
      : { passed: true, detail: 'not out of office' };
  },
  working_hours: (rep, { now, pool }) => {
    if (!pool.requireWorkingHours) return { passed: true, detail: 'not required' };
    const verdict = workingHoursAt(rep, now);
    return { passed: verdict.inside, detail: verdict.detail };
  },
  daily_cap: (rep, { load }) => underCap(rep.dailyCap, load?.assignedToday ?? 0, 'today'),
  rolling_cap: (rep, { load }) => underCap(rep.rolling30DayCap, load?.assignedLast30Days ?? 0, 'in 30 days'),
  capacity: (_rep, { capacity }) => {
    if (!capacity) return { passed: true, detail: 'no capacity data' };
    if (!capacity.available) return { passed: false, detail: 'quota reports the rep unavailable' };
    return { passed: true, detail: `remaining capacity ${capacity.remainingLeadCapacity}` };
  },
  already_tried: (rep, { triedRepIds }) =>
    triedRepIds.includes(rep.id)
      ? { passed: false, detail: 'already had this qualification' }
      : { passed: true, detail: 'not tried yet' },
};

/** Every eligibility check, in `ELIGIBILITY_CHECKS` order, each with its outcome and why. */
export function checkEligibility(rep: RepProfile, context: EligibilityContext): EligibilityCheck[] {
  return ELIGIBILITY_CHECKS.map((check) => ({ check, ...CHECKS[check](rep, context) }));
}

export function isEligible(checks: readonly EligibilityCheck[]): boolean {
  return checks.every((check) => check.passed);
}
