import { Injectable } from '@nestjs/common';
import type { CrmOutcomeV1, EventEnvelope, LeadRoutedV1, SalesActivityV1 } from '@handoff/contracts';
import type { Contribution, DealFact } from '@handoff/domain-quota';
import { ChunkTransaction, type ConsumedMessage, poisonOnThrow, withMessageContext } from '@handoff/platform-kafka';
import type { EntityManager } from 'typeorm';
import { CapacityPublisher } from '../capacity/capacity-publisher';
import { DealBook } from './deal-book';
import { DealLedger } from './deal-ledger.store';
import { acceptedContribution, dealFactOfCrm, dealFactOfSale, meetingContribution } from './outcome-facts';
import { type LeadClose, WorkloadStore } from './workload.store';

/** The inbox name every quota consumer claims under; event ids are unique across topics. */
export const INBOX_CONSUMER = 'quota';

/** What a chunk changed: the reps whose capacity must be recomputed. */
type ChunkWork<V> = (manager: EntityManager, fresh: ConsumedMessage<V>[], now: string) => Promise<Iterable<string>>;

/**
 * Applies one chunk of one partition in ONE transaction through the platform's ChunkTransaction (a redelivered
 * event is skipped by the inbox): outcomes become deal facts and contributions, routed leads become workload, and
 * every rep the chunk moved gets one rep.capacity.v1 with the state after the whole chunk. Locks are taken in one
 * order everywhere (holdings by lead, then deals, then reps), so concurrent chunks queue rather than deadlock.
 */
@Injectable()
export class QuotaBatch {
  constructor(
    private readonly chunks: ChunkTransaction,
    private readonly workload: WorkloadStore,
    private readonly deals: DealBook,
    private readonly ledger: DealLedger,
    private readonly capacity: CapacityPublisher,
  ) {}

  applySalesActivities(messages: ConsumedMessage<SalesActivityV1>[]): Promise<void> {
    return this.apply(messages, async (manager, fresh, now) => {
      const holdings = await this.workload.lockHoldings(
        manager,
        fresh.map(({ value }) => value.leadId),
      );
      const facts: DealFact[] = [];
      const accepted: Contribution[] = [];
      const closes: LeadClose[] = [];
      const touched = new Set<string>();
      for (const message of fresh) {
        withMessageContext(message, () =>
          poisonOnThrow(() => {
            const activity = message.value;
            const repId = activity.repId ?? holdings.get(activity.leadId)?.repId;
            if (repId) touched.add(repId);
            if (activity.outcome === 'accepted' && repId) accepted.push(acceptedContribution(activity, repId));
            const fact = dealFactOfSale(activity, repId);
            if (fact) facts.push(fact);
            // Any answer ends the wait: an open lead is one routed to the rep and not yet answered.
            closes.push({
              leadId: activity.leadId,
              repId: activity.repId,
              outcome: activity.outcome,
              at: activity.occurredAt,
            });
          }),
        );
      }
      await this.workload.close(manager, closes);
      await this.ledger.add(manager, accepted, now);
      for (const repId of await this.deals.apply(manager, facts, now)) touched.add(repId);
      return touched;
    });
  }

  applyCrmOutcomes(messages: ConsumedMessage<CrmOutcomeV1>[]): Promise<void> {
    return this.apply(messages, async (manager, fresh, now) => {
      const values = fresh.map(({ value }) => value);
      const meetings = values.flatMap((outcome) => meetingContribution(outcome) ?? []);
      const facts = values.flatMap((outcome) => dealFactOfCrm(outcome) ?? []);
      await this.ledger.add(manager, meetings, now);
      const touched = await this.deals.apply(manager, facts, now);
      return [...touched, ...values.map((outcome) => outcome.repId)];
    });
  }

  applyRoutedLeads(messages: ConsumedMessage<LeadRoutedV1>[]): Promise<void> {
    return this.apply(messages, async (manager, fresh) => {
      const routed = fresh.map(({ value }) => ({
        assignmentId: value.assignmentId,
        leadId: value.leadId,
        repId: value.repId,
        routedAt: value.occurredAt,
      }));
      const holdings = await this.workload.lockHoldings(
        manager,
        routed.map((lead) => lead.leadId),
      );
      await this.workload.route(manager, routed);
      return [...routed.map((lead) => lead.repId), ...[...holdings.values()].map((holding) => holding.repId)];
    });
  }

  private async apply<V extends EventEnvelope>(messages: ConsumedMessage<V>[], work: ChunkWork<V>): Promise<void> {
    await this.chunks.apply(INBOX_CONSUMER, messages, async (manager, fresh) => {
      const now = new Date().toISOString();
      const touched = await work(manager, fresh, now);
      return this.capacity.publish(manager, touched, now, fresh[0].value.correlationId);
    });
  }
}
