import type { CrmOutcomeV1, SalesActivityV1 } from '@handoff/contracts';
import type { Contribution, DealFact, DealFactKind } from '@handoff/domain-quota';
import type { CrmOutcome } from '@handoff/shared-vocabulary';

/** A won or lost without a deal id stands for the lead's one deal, so its later facts still fold together. */
export const dealIdOfLead = (leadId: string): string => `lead:${leadId}`;

const CRM_DEAL_FACTS: Partial<Record<CrmOutcome, DealFactKind>> = {
  deal_created: 'created',
  deal_reopened: 'reopened',
  amount_corrected: 'amount_corrected',
};

/** The deal fact a won or lost states; `repId` is the rep named, or the lead's holder when the event names none. */
export function dealFactOfSale(activity: SalesActivityV1, repId: string | undefined): DealFact | undefined {
  if (activity.outcome !== 'won' && activity.outcome !== 'lost') return undefined;
  return withoutUndefined({
    eventId: activity.eventId,
    dealId: activity.dealId ?? dealIdOfLead(activity.leadId),
    kind: activity.outcome,
    occurredAt: activity.occurredAt,
    repId,
    leadId: activity.leadId,
    amount: activity.amount,
    currency: activity.currency?.toUpperCase(),
  });
}

/** The deal fact a CRM outcome states; a meeting is not about a deal. */
export function dealFactOfCrm(outcome: CrmOutcomeV1): DealFact | undefined {
  const kind = CRM_DEAL_FACTS[outcome.outcome];
  if (kind === undefined || outcome.dealId === undefined) return undefined;
  return withoutUndefined({
    eventId: outcome.eventId,
    dealId: outcome.dealId,
    kind,
    occurredAt: outcome.occurredAt,
    repId: outcome.repId,
    leadId: outcome.leadId,
    amount: outcome.amount,
    currency: outcome.currency?.toUpperCase(),
  });
}

/** A lead accepted counts once per lead and rep, however often the acceptance is reported. */
export function acceptedContribution(activity: SalesActivityV1, repId: string): Contribution {
  return { id: `accepted:${activity.leadId}:${repId}`, kind: 'lead_accepted', repId, at: activity.occurredAt };
}

/** Each meeting held is its own event: its id is the contribution's. */
export function meetingContribution(outcome: CrmOutcomeV1): Contribution | undefined {
  if (outcome.outcome !== 'meeting_held') return undefined;
  return { id: `meeting:${outcome.eventId}`, kind: 'meeting_held', repId: outcome.repId, at: outcome.occurredAt };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
