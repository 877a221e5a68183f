import { Injectable } from '@nestjs/common';
import { contributionsOfDeal, type DealFact, dealStateOf } from '@handoff/domain-quota';
import type { EntityManager } from 'typeorm';
import { DealLedger } from './deal-ledger.store';

/** The contribution ids a deal can ever credit: its win and its revenue. */
const contributionIdsOf = (dealId: string): string[] => [`${dealId}:won`, `${dealId}:revenue`];

/**
 * Applies deal facts: stores them, then re-folds every deal they touch from ALL its facts and reconciles what the
 * deal credits. Re-deriving instead of adding is what makes a correction change an amount, a reopen withdraw a
 * win, and a redelivery or an out-of-order fact change nothing it should not.
 */
@Injectable()
export class DealBook {
  constructor(private readonly ledger: DealLedger) {}

  /** Answers the reps whose figures may have moved: each deal's rep before and after. */
  async apply(manager: EntityManager, facts: readonly DealFact[], recordedAt: string): Promise<Set<string>> {
    const touched = new Set<string>();
    if (facts.length === 0) return touched;
    const dealIds = [...new Set(facts.map((fact) => fact.dealId))].sort();
    const repsBefore = await this.ledger.lockDeals(manager, dealIds);
    await this.ledger.addFacts(manager, facts);
    const factsByDeal = new Map<string, DealFact[]>(dealIds.map((dealId) => [dealId, []]));
    for (const fact of await this.ledger.factsOf(manager, dealIds)) factsByDeal.get(fact.dealId)?.push(fact);
    const states = dealIds.map((dealId) => dealStateOf(factsByDeal.get(dealId) ?? []));
    await this.ledger.saveDeals(manager, states);
    // Team attribution is decided when figures are read, so contributions are stored without a team.
    const credited = states.flatMap((state) => contributionsOfDeal(state, []));
    await this.ledger.reconcile(manager, dealIds.flatMap(contributionIdsOf), credited, recordedAt);
    for (const state of states) {
      for (const repId of [repsBefore.get(state.dealId), state.repId]) if (repId) touched.add(repId);
    }
    return touched;
  }
}
