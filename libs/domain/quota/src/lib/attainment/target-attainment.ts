export type PaceVerdict = 'ahead' | 'on_pace' | 'behind';

/** One target's figures at one moment. Amounts are in the quota's currency for revenue, counts otherwise. */
export interface TargetAttainment {
  target: number;
  attained: number;
  /** attained / target; above 1 when over-achieved. */
  ratio: number;
  /** What the pace curve expects by now: target × the curve's share at the elapsed fraction of the period. */
  expectedToDate: number;
  /** attained / expectedToDate; null while nothing is expected yet. */
  paceRatio: number | null;
  /** expectedToDate − attained: positive = behind pace, negative = ahead. */
  paceGap: number;
  pace: PaceVerdict;
  /** Where the period ends if the rest goes as it has so far, by the curve: attained / expected share; null while
   * nothing is expected yet. Equals `attained` once the period has closed. */
  forecast: number | null;
}

/**
 * The figures of a target given what is attained and the share of it the curve expects by now. `round` rounds an
 * amount as the target's unit wants (a currency's minor unit, hundredths of a count).
 */
export function targetAttainment(
  target: number,
  attained: number,
  expectedShare: number,
  round: (value: number) => number,
): TargetAttainment {
  const expectedToDate = round(target * expectedShare);
  const paceGap = round(expectedToDate - attained);
  return {
    target,
    attained,
    ratio: attained / target,
    expectedToDate,
    paceRatio: expectedToDate > 0 ? attained / expectedToDate : null,
    paceGap,
    pace: paceGap > 0 ? 'behind' : paceGap < 0 ? 'ahead' : 'on_pace',
    forecast: expectedShare > 0 ? round(attained / expectedShare) : null,
  };
}

/** Counts are whole, but expected counts are not: they are kept to hundredths. */
export const roundCount = (value: number): number => Math.round(value * 100) / 100;
