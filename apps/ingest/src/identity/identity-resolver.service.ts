import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { type LeadMergedV1, Topics } from '@handoff/contracts';
import {
  type BatchItem,
  type BatchMerge,
  type BatchResolution,
  type IdentityInput,
  aliasKeys,
  aliasLookupKeys,
  identityKeyId,
  identityKeysOf,
  planBatchResolution,
} from '@handoff/domain-identity';
import { type NewOutboxMessage, Outbox } from '@handoff/platform-database';
import { outboxMessageOf } from '@handoff/platform-kafka';
import { DataSource, type EntityManager } from 'typeorm';
import { IngestConfig } from '../app/ingest.config';
import {
  type AliasContext,
  type Resolution,
  type ResolutionContext,
  type ResolutionRequest,
  UnresolvableIdentityError,
} from './identity-resolution.types';
import { type MergeRecord, IdentityStore } from './identity.store';

/** A resolution read state that another transaction changed before it could lock it; the transaction reruns. */
class StaleReadError extends Error {
  constructor() {
    super('identity links changed while being resolved');
    this.name = 'StaleReadError';
  }
}

/** PostgreSQL deadlock_detected and serialization_failure: safe to rerun the whole transaction. */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;
const RETRY_DELAY_MS = 10;

/** Lookup keys are the keys locked and looked up: for an alias, both readings of the previous id. */
interface PreparedRequest extends BatchItem {
  context: AliasContext;
}

/**
 * Maps anonymous ids, user ids and emails to one stable lead id, durably in PostgreSQL.
 *
 * A call whose keys all point at one lead already is answered by a plain read. Any other runs in a
 * transaction that first takes an advisory lock per identity key (sorted, so transactions never wait on each
 * other in a cycle): concurrent calls naming the same person queue, so they never create two leads. Leads
 * are then locked before links are added (shared) or before they are merged (exclusive), so a lead never
 * gains a link while it is merged away; a lead found merged at that point, or a key found linked, means the
 * read was stale and the transaction reruns. Merges write lead.merged.v1 to the outbox in that transaction.
 * A batch holds its locks for a fixed handful of statements whatever its size: it is planned in memory from one
 * read (planBatchResolution) and written in bulk.
 */
@Injectable()
export class IdentityResolver {
  private readonly logger = new Logger(IdentityResolver.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: IngestConfig,
    private readonly store: IdentityStore,
    private readonly outbox: Outbox,
  ) {}

  /** Resolves one event's identifiers. Throws UnresolvableIdentityError when they name nobody. */
  async resolve(input: IdentityInput, context: ResolutionContext): Promise<Resolution> {
    const [resolution] = await this.resolveMany([{ input, context }]);
    return resolution;
  }

  /**
   * Segment alias: `previousId` (an anonymous id or an earlier user id) belongs to the person `userId` names.
   * Links it to the user's lead, merging when both already have leads.
   */
  async alias(previousId: string, userId: string, context: AliasContext): Promise<Resolution> {
    const [resolution] = await this.resolveMany([{ alias: { previousId, userId }, context }]);
    return resolution;
  }

  /**
   * Resolves a batch in input order, so a later item sees what earlier ones linked or merged. Items already
   * settled (below) are answered from one read; the others share one transaction that holds the locks of all
   * their keys, taken up front in sorted order, and any failure rolls all of them back. Every item is checked
   * before the database is touched.
   */
  async resolveMany(requests: readonly ResolutionRequest[]): Promise<Resolution[]> {
    const prepared = requests.map((request) => this.prepare(request));
    if (prepared.length === 0) return [];
    const settled = await this.settledWithoutLocks(prepared);
    const pending = prepared.filter((_, index) => settled[index] === undefined);
    if (pending.length === 0) return settled as Resolution[];
    const resolved = await this.inRetriedTransaction((manager) => this.resolveLocked(manager, pending));
    let next = 0;
    return settled.map((resolution) => resolution ?? resolved[next++]);
  }

  /**
   * Most events come from people whose every key is already linked to one lead: that lead is the answer, read
   * without a transaction or locks, as a locked read would give it too unless a merge of that lead is in
   * flight (then either answer is right: lead.merged.v1 folds one into the other). An item whose lead an
   * earlier item of the batch may write to (link, merge) is left to the transaction, which keeps batch order.
   */
  private async settledWithoutLocks(prepared: readonly PreparedRequest[]): Promise<(Resolution | undefined)[]> {
    const links = await this.store.readLinks(
      this.dataSource.manager,
      prepared.flatMap((request) => request.lookupKeys),
    );
    const leadOfKey = new Map(links.map((link) => [identityKeyId(link), link.leadId]));
    const written = new Set<string | undefined>();
    return prepared.map((request) => {
      const leadIds = new Set(request.keysOf(links).map((key) => leadOfKey.get(identityKeyId(key))));
      const [leadId] = leadIds;
      if (leadIds.size === 1 && leadId !== undefined && !written.has(leadId)) return { leadId, mergedLeadIds: [] };
      for (const touched of leadIds) written.add(touched);
      return undefined;
    });
  }

  private prepare(request: ResolutionRequest): PreparedRequest {
    const emailOptions = { stripPlusTag: this.config.INGEST_STRIP_PLUS_TAGS };
    if ('alias' in request) {
      const { previousId, userId } = request.alias;
      if (!userId.trim()) throw new UnresolvableIdentityError('an alias needs a user id');
      return {
        lookupKeys: aliasLookupKeys(previousId, userId, emailOptions),
        keysOf: (links) => aliasKeys(previousId, userId, links, emailOptions),
        trigger: 'alias',
        context: request.context,
      };
    }
    const keys = identityKeysOf(request.input, emailOptions);
    if (keys.length === 0) throw new UnresolvableIdentityError('no anonymous id, user id or valid email');
    return { lookupKeys: keys, keysOf: () => keys, trigger: request.context.reason, context: request.context };
  }

  /**
   * Under the locks of every pending key: one read of their links, the whole batch planned in memory, then the
   * leads it writes to locked and checked live, and its leads, links and merges written in a few statements.
   */
  private async resolveLocked(manager: EntityManager, pending: readonly PreparedRequest[]): Promise<Resolution[]> {
    const lookupKeys = pending.flatMap((request) => request.lookupKeys);
    await this.store.lockKeys(manager, lookupKeys);
    const batch = planBatchResolution(pending, await this.store.readLinks(manager, lookupKeys), randomUUID);
    await this.lockLiveLeads(manager, batch);
    const linked = await this.store.createLeadsAndLinks(manager, batch.newLeads, batch.newLinks);
    // Every key was checked unlinked under its lock, so a key that fails to insert means the read was stale.
    if (linked !== batch.newLinks.length) throw new StaleReadError();
    await this.store.mergeLeads(manager, batch.mergedStoredLeads);
    await this.recordMerges(manager, batch.merges, pending);
    return batch.resolutions;
  }

  /** A lead merged since it was read fails the check: the read was stale. */
  private async lockLiveLeads(manager: EntityManager, batch: BatchResolution): Promise<void> {
    const locks = [
      [batch.exclusiveLeadIds, 'update'],
      [batch.sharedLeadIds, 'share'],
    ] as const;
    for (const [leadIds, mode] of locks) {
      if (leadIds.length > 0 && !(await this.store.lockLiveLeads(manager, leadIds, mode))) {
        throw new StaleReadError();
      }
    }
  }

  private async recordMerges(
    manager: EntityManager,
    batchMerges: readonly BatchMerge[],
    requests: readonly PreparedRequest[],
  ): Promise<void> {
    if (batchMerges.length === 0) return;
    const merges = batchMerges.map(({ itemIndex, ...merge }) => ({
      ...merge,
      id: randomUUID(),
      eventId: randomUUID(),
      occurredAt: requests[itemIndex].context.occurredAt,
      correlationId: requests[itemIndex].context.correlationId,
    }));
    await this.store.recordMerges(manager, merges);
    await this.outbox.add(
      manager,
      merges.map((merge) => leadMergedMessage(merge, merge.correlationId)),
    );
    for (const { survivingLeadId, mergedLeadId, reason, correlationId } of merges) {
      this.logger.log({ msg: 'leads merged', survivingLeadId, mergedLeadId, reason, correlationId });
    }
  }

  private async inRetriedTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        this.logger.warn({ msg: 'identity resolution rerun', attempt, cause: causeOf(error) });
        // Jittered, so two transactions that just deadlocked do not meet again at once.
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt * (0.5 + Math.random())));
      }
    }
  }
}

function leadMergedMessage(merge: MergeRecord, correlationId: string): NewOutboxMessage {
  const event: LeadMergedV1 = {
    eventId: merge.eventId,
    occurredAt: merge.occurredAt,
    schemaVersion: 1,
    correlationId,
    survivingLeadId: merge.survivingLeadId,
    mergedLeadId: merge.mergedLeadId,
    reason: merge.reason,
  };
  return outboxMessageOf(Topics.leadMerged, event);
}

function isRetryable(error: unknown): boolean {
  return error instanceof StaleReadError || RETRYABLE_SQLSTATES.has(sqlStateOf(error) ?? '');
}

function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function causeOf(error: unknown): string {
  return error instanceof StaleReadError ? 'stale read' : `sqlstate ${sqlStateOf(error)}`;
}
