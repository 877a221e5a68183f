import type { LeaderboardRow } from '../../api/quota';

export interface AttainmentRow {
  rep: string;
  /** Revenue attained ÷ target, in percent. */
  attainment: number;
}

/** Reps with a revenue target, in rank order, with their attainment in percent. */
export function attainmentRows(members: LeaderboardRow[], nameOf: (repId: string) => string): AttainmentRow[] {
  return members
    .filter((m) => m.attainmentRatio !== null)
    .map((m) => ({ rep: nameOf(m.repId), attainment: Math.round((m.attainmentRatio ?? 0) * 1000) / 10 }));
}

export interface PaceRow {
  rep: string;
  attained: number;
  expected: number;
}

/** Revenue attained against what the pace curve expects by now (attained + the gap), for reps with a target. */
export function paceRows(members: LeaderboardRow[], nameOf: (repId: string) => string): PaceRow[] {
  return members
    .filter((m) => m.attained !== null && m.paceGap !== null)
    .map((m) => ({ rep: nameOf(m.repId), attained: m.attained ?? 0, expected: (m.attained ?? 0) + (m.paceGap ?? 0) }));
}

const PERIOD = /^FY(\d{4})(?:-(Q|M)(\d{1,2}))?$/;

/** Fiscal periods around `id` (FY2027, FY2027-Q1, FY2027-M03) for the period picker: three before, one after. */
export function nearbyPeriods(id: string): string[] {
  const match = PERIOD.exec(id);
  if (!match) return [id];
  const year = Number(match[1]);
  if (!match[2]) return [year - 3, year - 2, year - 1, year, year + 1].map((y) => `FY${y}`);
  const perYear = match[2] === 'Q' ? 4 : 12;
  const index = year * perYear + Number(match[3]) - 1;
  const width = match[2] === 'Q' ? 1 : 2;
  return [-3, -2, -1, 0, 1].map((offset) => {
    const n = index + offset;
    return `FY${Math.floor(n / perYear)}-${match[2]}${String((n % perYear) + 1).padStart(width, '0')}`;
  });
}
