import { HttpStatus, Injectable } from '@nestjs/common';
import { BODY_FIELD, ContractViolationError, type FieldIssue, payloadStructureProblem } from '@handoff/contracts';
import { identityKeysOf } from '@handoff/domain-identity';
import { DomainError } from '@handoff/shared-errors';
import { IngestConfig } from '../app/ingest.config';
import { IdentityResolver } from '../identity';
import { SalesActivityRecorder } from '../sales-activity/sales-activity-recorder.service';
import { EngagementRecorder } from './engagement-recorder.service';
import type { EventOutcome, IncomingAlias, IncomingCall, IncomingEngagement } from './incoming-engagement';
import { type BatchResponseBody, type EventResult, summarise } from './ingestion-result';
import { assertPublishable } from './publishable-event';

/** Turns one raw event of a request into a call, or throws ContractViolationError. */
export type EventParser = (raw: unknown) => IncomingCall;

type Rejected = Extract<EventResult, { status: 'rejected' }>;
type Parsed = ({ index: number } & IncomingCall) | Rejected;
type Valid = Exclude<Parsed, Rejected>;

/**
 * Shared by every API: checks each event's size, validates and maps it with the API's parser, records
 * the valid engagements together, then applies aliases, and answers per event so one bad event never
 * sinks a batch.
 */
@Injectable()
export class IngestionService {
  constructor(
    private readonly recorder: EngagementRecorder,
    private readonly salesActivities: SalesActivityRecorder,
    private readonly identities: IdentityResolver,
    private readonly config: IngestConfig,
  ) {}

  /** A request body of one event, or of a batch as `{ "batch": [...] }`. */
  ingest(sourceId: string, body: unknown, parse: EventParser): Promise<BatchResponseBody> {
    return isBatch(body) ? this.ingestBatch(sourceId, body.batch, parse) : this.ingestOne(sourceId, body, parse);
  }

  async ingestBatch(sourceId: string, rawEvents: unknown, parse: EventParser): Promise<BatchResponseBody> {
    const parsed = this.batchItems(rawEvents).map((raw, index) => this.parseOne(sourceId, raw, index, parse));
    const valid = parsed.filter((item): item is Valid => !('status' in item));
    const outcomes = await this.apply(sourceId, valid);
    let next = 0;
    return summarise(
      parsed.map((item): EventResult => ('status' in item ? item : { index: item.index, ...outcomes[next++] })),
    );
  }

  /** One event: a bad one is the whole answer (400, or 413 when too large). */
  async ingestOne(sourceId: string, raw: unknown, parse: EventParser): Promise<BatchResponseBody> {
    const parsed = this.parseOne(sourceId, raw, 0, parse);
    if ('status' in parsed) {
      const code = parsed.statusCode === HttpStatus.PAYLOAD_TOO_LARGE ? 'payload-too-large' : 'invalid';
      throw new DomainError(code, 'event rejected', { details: parsed.errors });
    }
    const [outcome] = await this.apply(sourceId, [parsed]);
    return summarise([{ index: 0, ...outcome }]);
  }

  /** The outcome of each call, in the calls' order; engagements are recorded first, then aliases, then outcomes. */
  private async apply(sourceId: string, calls: Valid[]): Promise<EventOutcome[]> {
    const recorded = await this.recorder.record(
      sourceId,
      calls.flatMap((call) => ('engagement' in call ? [call.engagement] : [])),
    );
    const linked = await this.link(calls.flatMap((call) => ('alias' in call ? [call.alias] : [])));
    const reported = await this.salesActivities.record(
      sourceId,
      calls.flatMap((call) => ('salesActivity' in call ? [call.salesActivity] : [])),
    );
    const next = { recorded: 0, linked: 0, reported: 0 };
    return calls.map((call) => {
      if ('ignored' in call) return { status: 'ignored', reason: call.ignored };
      if ('alias' in call) return linked[next.linked++];
      if ('salesActivity' in call) return reported[next.reported++];
      return recorded[next.recorded++];
    });
  }

  /** The request's aliases, applied together in their order after its engagements. */
  private async link(aliases: readonly IncomingAlias[]): Promise<EventOutcome[]> {
    if (aliases.length === 0) return [];
    const resolutions = await this.identities.resolveMany(
      aliases.map((alias) => ({
        alias: { previousId: alias.previousId, userId: alias.userId },
        context: { correlationId: alias.correlationId, occurredAt: alias.occurredAt },
      })),
    );
    return resolutions.map(({ leadId }) => ({ status: 'linked', leadId }));
  }

  private batchItems(rawEvents: unknown): unknown[] {
    if (!Array.isArray(rawEvents) || rawEvents.length === 0) {
      throw new ContractViolationError('batch', [
        { field: 'batch', reasons: ['batch must be a non-empty array of events'] },
      ]);
    }
    const limit = this.config.INGEST_MAX_BATCH_EVENTS;
    if (rawEvents.length > limit) {
      throw new DomainError(
        'payload-too-large',
        `a batch holds at most ${limit} events; this one has ${rawEvents.length}`,
      );
    }
    return rawEvents;
  }

  /** Structure first (depth, NUL…, without recursion): measuring the size walks the event recursively. */
  private parseOne(sourceId: string, raw: unknown, index: number, parse: EventParser): Parsed {
    const malformed = payloadStructureProblem(raw, BODY_FIELD);
    if (malformed) return rejected(index, HttpStatus.BAD_REQUEST, [malformed]);
    const size = Buffer.byteLength(JSON.stringify(raw) ?? '');
    const limit = this.config.INGEST_MAX_EVENT_BYTES;
    if (size > limit) {
      return rejected(index, HttpStatus.PAYLOAD_TOO_LARGE, [
        { field: BODY_FIELD, reasons: [`event is ${size} bytes; the limit is ${limit}`] },
      ]);
    }
    try {
      const call = parse(raw);
      if ('engagement' in call) this.assertRecordable(sourceId, call.engagement);
      return { index, ...call };
    } catch (error) {
      if (error instanceof ContractViolationError) return rejected(index, HttpStatus.BAD_REQUEST, error.issues);
      throw error;
    }
  }

  /**
   * Validation accepts what looks like an email; resolution needs one it can normalise, or another id. And the
   * event it will be published as must meet its contract: checked now, before anything is resolved or reserved.
   */
  private assertRecordable(sourceId: string, engagement: IncomingEngagement): void {
    const emailOptions = { stripPlusTag: this.config.INGEST_STRIP_PLUS_TAGS };
    if (identityKeysOf(engagement.identity, emailOptions).length === 0) {
      throw new ContractViolationError('event', [
        { field: 'identity', reasons: ['identity must name the person: an anonymousId, a userId or a valid email'] },
      ]);
    }
    assertPublishable(engagement, sourceId, emailOptions);
  }
}

function rejected(index: number, statusCode: number, errors: FieldIssue[]): Rejected {
  return { index, status: 'rejected', statusCode, errors };
}

function isBatch(body: unknown): body is { batch: unknown } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'batch' in body;
}
