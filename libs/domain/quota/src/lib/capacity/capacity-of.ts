import { DomainError } from '@handoff/shared-errors';
import type { RevenueAttainment } from '../attainment/attainment-of';

/** The figures of `rep.capacity.v1` (without the envelope), which routing's capacity-aware strategy reads. */
export interface RepCapacityFigures {
  repId: string;
  periodId: string;
  /** The revenue target, in the quota's currency; 0 when the rep has no revenue quota for the period. */
  quotaAmount: number;
  attainedAmount: number;
  attainmentRatio: number;
  /** Expected-to-date − attained (positive = behind pace); 0 without a revenue quota. */
  paceGap: number;
  openLeads: number;
  maxOpenLeads: number;
  available: boolean;
}

export interface CapacityInput {
  repId: string;
  /** The period the figures describe: the one holding now. */
  periodId: string;
  /** The rep's revenue attainment in that period, if the rep has a revenue quota. */
  revenue?: RevenueAttainment;
  /** Leads routed to the rep and not yet closed (accepted, rejected, won or lost), from lead.routed.v1. */
  openLeads: number;
  /** The most open leads the rep should hold: the rep's own limit if configured, else the service's default. */
  maxOpenLeads: number;
}

/**
 * A rep's capacity: room is `maxOpenLeads − openLeads` (routing derives it), and the rep is available while
 * openLeads < maxOpenLeads. Attainment and pace do not change the room; routing uses them to break ties between
 * reps with room (furthest behind pace first, then lowest attainment), so need steers without overloading anyone.
 */
export function capacityOf(input: CapacityInput): RepCapacityFigures {
  checkCount(input.openLeads, 'openLeads');
  checkCount(input.maxOpenLeads, 'maxOpenLeads');
  const { revenue } = input;
  return {
    repId: input.repId,
    periodId: input.periodId,
    quotaAmount: revenue?.target ?? 0,
    attainedAmount: revenue?.attained ?? 0,
    attainmentRatio: revenue?.ratio ?? 0,
    paceGap: revenue?.paceGap ?? 0,
    openLeads: input.openLeads,
    maxOpenLeads: input.maxOpenLeads,
    available: input.openLeads < input.maxOpenLeads,
  };
}

function checkCount(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new DomainError('invalid', `${field} must be a whole number ≥ 0, got ${value}`);
}
