/**
 * What sales systems report about a deal. `won` and `lost` come from sales.activity.v1 (keyed by lead); `created`,
 * `reopened` and `amount_corrected` from the CRM outcomes topic. Facts arrive in any order and may be redelivered.
 */
export const DEAL_FACT_KINDS = ['created', 'won', 'lost', 'reopened', 'amount_corrected'] as const;
export type DealFactKind = (typeof DEAL_FACT_KINDS)[number];

export interface DealFact {
  /** The event's id: a fact delivered twice has the same one and counts once. */
  eventId: string;
  dealId: string;
  kind: DealFactKind;
  /** When it happened in the sales system (ISO-8601 with offset); a won fact's is the deal's close date. */
  occurredAt: string;
  repId?: string;
  leadId?: string;
  /** The deal's value as of this fact; with `currency`. Carried by `won`, `amount_corrected` and maybe `created`. */
  amount?: number;
  currency?: string;
}

interface DealBasics {
  dealId: string;
  /** The rep last named by a fact (a won fact names the rep credited). */
  repId?: string;
  leadId?: string;
  /** The amount last stated, in `currency`; absent while no fact has stated one. */
  amount?: number;
  currency?: string;
}

/** A deal as its facts say it is now: open, reopened (open again after a close), or closed won or lost. */
export type DealState =
  | (DealBasics & { status: 'open' | 'reopened' })
  | (DealBasics & { status: 'won' | 'lost'; /** the occurredAt of the fact that closed it */ closedAt: string });

export type DealStatus = DealState['status'];
