import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiErrorResponse, ApiErrorResponses, FieldIssueResponse, RETRY_AFTER_HEADER } from '@handoff/platform-runtime';
import type { BatchResponseBody, EventResult } from './ingestion-result';

const EVENT_RESULT_STATUSES = [
  'accepted',
  'duplicate',
  'linked',
  'in_flight',
  'ignored',
  'rejected',
] as const satisfies readonly EventResult['status'][];

/** OpenAPI schema of EventResult: where one event of the request ended up. */
export class EventResultResponse {
  @ApiProperty({ description: 'Position of the event in the request (0 for a single event)', example: 0 })
  index!: number;

  @ApiProperty({
    enum: EVENT_RESULT_STATUSES,
    description:
      'accepted: recorded; duplicate: a messageId already recorded; linked: an alias applied; ' +
      'in_flight: being recorded by a concurrent request, retry it; ignored: nothing to record (see reason); ' +
      'rejected: see statusCode and errors',
  })
  status!: EventResult['status'];

  @ApiPropertyOptional({ description: 'The recorded event (accepted, duplicate)', format: 'uuid' })
  eventId?: string;

  @ApiPropertyOptional({ description: 'The lead it was attributed to (accepted, linked)', format: 'uuid' })
  leadId?: string;

  @ApiPropertyOptional({
    description: 'Why there was nothing to record (ignored)',
    example: 'stage "proposal" is not an outcome',
  })
  reason?: string;

  @ApiPropertyOptional({ description: 'Why it was rejected: 400 invalid, 413 too large', example: 400 })
  statusCode?: number;

  @ApiPropertyOptional({ type: [FieldIssueResponse], description: 'Rejected: every failing field, every reason' })
  errors?: FieldIssueResponse[];
}

/** OpenAPI schema of BatchResponseBody, the answer of every ingestion endpoint, for one event or a batch. */
export class IngestionResultResponse implements Omit<BatchResponseBody, 'results'> {
  @ApiProperty({ description: 'Events recorded (or aliases linked) by this request' })
  accepted!: number;

  @ApiProperty({ description: 'Events whose messageId was already recorded' })
  duplicates!: number;

  @ApiProperty({ description: 'Events rejected' })
  rejected!: number;

  @ApiProperty({ description: 'Events to send again (in_flight): the answer is then 503' })
  retry!: number;

  @ApiProperty({ type: [EventResultResponse], description: 'One result per event, in request order' })
  results!: EventResultResponse[];
}

/**
 * What a request body holds: one event, one alias (applied to the identity store, never recorded on the
 * stream), a batch of either, or an event or a batch (`{ "batch": [...] }`).
 */
export type IngestionBody = 'event' | 'alias' | 'batch' | 'event-or-batch';

const errorOrResult = {
  oneOf: [{ $ref: getSchemaPath(ApiErrorResponse) }, { $ref: getSchemaPath(IngestionResultResponse) }],
};

const EVENT_LIMIT = 'INGEST_MAX_EVENT_BYTES (32 KB by default)';
const BODY_LIMIT = 'INGEST_MAX_BATCH_BYTES (500 KB by default)';

/**
 * Documents what an ingestion endpoint answers besides its guards (see SourceAuthenticated). A batch is
 * answered event by event: 207 when some are rejected, 400 with the per-event results when all are.
 */
export function ApiIngestionResponses(body: IngestionBody): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ApiErrorResponse, IngestionResultResponse),
    ApiOkResponse({
      type: IngestionResultResponse,
      description: 'Every event recorded (or recorded before: a duplicate) or alias linked; results says which',
    }),
    ...(body === 'event' || body === 'alias' ? [eventAnswers()] : [batchAnswers(body)]),
    ...(body === 'alias' ? [] : [unavailableAnswer()]),
  );
}

function unavailableAnswer(): MethodDecorator {
  return ApiResponse({
    status: 503,
    description:
      'Retry the same request, with the same messageIds, after Retry-After. Either Kafka, PostgreSQL or Redis ' +
      'is unavailable and nothing was accepted (error body), or some events are being recorded by a concurrent ' +
      'request (result body, retry > 0; the recorded ones come back as duplicates)',
    headers: RETRY_AFTER_HEADER,
    schema: errorOrResult,
  });
}

function eventAnswers(): MethodDecorator {
  return ApiErrorResponses({
    400: 'The event is invalid, or the body is not JSON: errors lists every failing field and why',
    413: `The event is over ${EVENT_LIMIT}, or the body over ${BODY_LIMIT}`,
  });
}

function batchAnswers(body: Exclude<IngestionBody, 'event' | 'alias'>): MethodDecorator {
  const alone = body === 'event-or-batch';
  return applyDecorators(
    ApiResponse({
      status: 207,
      type: IngestionResultResponse,
      description: 'Some events of the batch rejected (results[].statusCode and errors say why), the others recorded',
    }),
    ApiResponse({
      status: 400,
      description:
        `The body is not JSON${alone ? ', the event sent alone is invalid' : ''} or the batch is not a non-empty ` +
        'array (error body, listing every failing field and why); or no event of the batch is valid (result ' +
        'body, each result with its errors)',
      schema: errorOrResult,
    }),
    ApiErrorResponses({
      413:
        `The body is over ${BODY_LIMIT}, the batch holds more than INGEST_MAX_BATCH_EVENTS (2500 by default) ` +
        `events${alone ? `, or the event sent alone is over ${EVENT_LIMIT}` : ''}. An event of a batch over ` +
        `${EVENT_LIMIT} is rejected alone (results[].statusCode 413)`,
    }),
  );
}
