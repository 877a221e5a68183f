/** What counts towards a target: revenue (an amount), a deal won, a lead accepted, a meeting held. */
export const CONTRIBUTION_KINDS = ['revenue', 'deal_won', 'lead_accepted', 'meeting_held'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/**
 * One outcome already attributed: to the rep credited and to the team that rep belonged to at `at`, so a rep
 * who changes teams mid-period takes later outcomes to the new team and leaves earlier ones with the old.
 */
export interface Contribution {
  /** Stable per outcome (e.g. `deal-7:revenue`), so pending conversions can be listed by it. */
  id: string;
  kind: ContributionKind;
  repId: string;
  /** The rep's team at `at`; absent when the rep belonged to none. */
  teamId?: string;
  /** When the outcome happened (a deal's close date); decides the period it lands in. */
  at: string;
  /** Revenue only: the amount in `currency`. */
  amount?: number;
  currency?: string;
}
