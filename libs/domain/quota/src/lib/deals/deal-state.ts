import { DomainError } from '@handoff/shared-errors';
import { compareText } from '../compare-text';
import { millisOf } from '../time/instant';
import type { DealFact, DealState } from './deal-fact';

/**
 * The deal its facts describe. Facts are folded in (occurredAt, eventId) order and a repeated eventId counts once,
 * so the result is the same whatever order and however often they arrived. Within the fold, the last fact that
 * states an amount sets it: a correction after the close changes the won amount, and a deal reopened and won again
 * closes at its new won fact's date.
 */
export function dealStateOf(facts: readonly DealFact[]): DealState {
  const ordered = inFoldOrder(facts);
  if (ordered.length === 0) throw new DomainError('invalid', 'A deal state needs at least one fact');
  const dealIds = new Set(ordered.map((fact) => fact.dealId));
  if (dealIds.size > 1)
    throw new DomainError('invalid', `Facts of several deals: ${[...dealIds].join(', ')}; fold one deal at a time`);
  const unknownYet: DealState = { dealId: ordered[0].dealId, status: 'open' };
  return ordered.reduce(applyFact, unknownYet);
}

/** Unique by eventId (the first in order stands for its redeliveries), sorted by occurredAt then eventId. */
function inFoldOrder(facts: readonly DealFact[]): DealFact[] {
  const sorted = facts
    .map((fact) => ({ fact, at: millisOf(fact.occurredAt, 'occurredAt') }))
    .sort((a, b) => a.at - b.at || compareText(a.fact.eventId, b.fact.eventId))
    .map(({ fact }) => fact);
  const seen = new Set<string>();
  return sorted.filter((fact) => !seen.has(fact.eventId) && seen.add(fact.eventId));
}

function applyFact(state: DealState, fact: DealFact): DealState {
  const basics = {
    dealId: state.dealId,
    repId: fact.repId ?? state.repId,
    leadId: fact.leadId ?? state.leadId,
    ...amountAfter(state, fact),
  };
  switch (fact.kind) {
    case 'won':
    case 'lost':
      return { ...basics, status: fact.kind, closedAt: fact.occurredAt };
    case 'reopened':
      return { ...basics, status: 'reopened' };
    case 'created':
    case 'amount_corrected':
      return { ...state, ...basics };
  }
}

function amountAfter(state: DealState, fact: DealFact): { amount?: number; currency?: string } {
  if (fact.amount === undefined) return { amount: state.amount, currency: state.currency };
  return { amount: fact.amount, currency: fact.currency ?? state.currency };
}
