import type { Money } from '../currency/convert';
import type { Period } from '../periods/period';
import type { ContributionKind } from './contribution';

export const QUOTA_OWNER_KINDS = ['rep', 'team'] as const;
export type QuotaOwnerKind = (typeof QUOTA_OWNER_KINDS)[number];

export interface QuotaOwner {
  kind: QuotaOwnerKind;
  id: string;
}

/** What the owner should reach in the period; at least one. Revenue is in one currency per quota. */
export interface QuotaTargets {
  revenue?: Money;
  dealsWon?: number;
  leadsAccepted?: number;
  meetingsHeld?: number;
}

/** The count targets and the contribution kind each counts. */
export const COUNT_TARGETS = {
  dealsWon: 'deal_won',
  leadsAccepted: 'lead_accepted',
  meetingsHeld: 'meeting_held',
} as const satisfies Record<string, ContributionKind>;
export type CountTarget = keyof typeof COUNT_TARGETS;

/** A point of a pace curve: by this fraction of the period's time, this fraction of the target is expected. */
export type CurvePoint = [fractionOfTime: number, fractionOfTarget: number];

/**
 * How much of a target is expected by when: `linear` (evenly over the period's elapsed time) or a piecewise-linear
 * curve through `points` from [0, 0] to [1, 1], e.g. a back-loaded quarter [[0,0],[0.33,0.2],[0.67,0.5],[1,1]].
 */
export type PaceCurve = 'linear' | { points: CurvePoint[] };

export interface Quota {
  id: string;
  owner: QuotaOwner;
  period: Period;
  targets: QuotaTargets;
  curve: PaceCurve;
}
