import { randomUUID } from 'node:crypto';
import { BODY_FIELD, type EngagementRecordedV1, Topics } from '@handoff/contracts';
import { ACTIVITY_TYPES } from '@handoff/shared-vocabulary';
import { TopicReader, type HttpCallOptions } from '@handoff/testing';
import { signRequest } from '../sources';
import type { IssuedSourceView } from '../sources/source.dto';
import { basicAuth, bearerAuth, type IngestTestApp, startIngestTestApp } from '../testing/ingest-test-app';
import type { BatchResponseBody } from './ingestion-result';

const RECORDED = Topics.engagementRecorded.name;

interface Sources {
  active: IssuedSourceView;
  revoked: IssuedSourceView;
  signed: IssuedSourceView;
}

interface BadInputCase {
  name: string;
  path?: string;
  request: (sources: Sources) => HttpCallOptions;
  status: number;
  body: unknown;
  /** Accepted events of a partly bad batch must still be recorded. */
  acceptedLand?: boolean;
}

let ingest: IngestTestApp;
let sources: Sources;
let reader: TopicReader;

beforeAll(async () => {
  ingest = await startIngestTestApp();
  const [active, revoked, signed] = await Promise.all([
    ingest.createSource({ name: 'bad inputs: active' }),
    ingest.createSource({ name: 'bad inputs: revoked' }),
    ingest.createSource({ name: 'bad inputs: signed', requireSignature: true }),
  ]);
  await ingest.revokeSource(revoked.id);
  sources = { active, revoked, signed };
  reader = await TopicReader.startAtEnd([RECORDED]);
});

afterAll(async () => {
  await Promise.all([reader?.stop(), ingest?.close()]);
});

const event = (fields: object = {}) => ({
  messageId: randomUUID(),
  type: 'page_view',
  identity: { anonymousId: `anon-${randomUUID()}` },
  ...fields,
});
const native = (body: unknown) => (s: Sources) => ({ headers: bearerAuth(s.active.writeKey), body });
const segment = (body: unknown) => (s: Sources) => ({ headers: basicAuth(s.active.writeKey), body });

/** A field and one of its reasons (class-validator may give several). */
const issue = (field: string, reason: string) => ({ field, reasons: expect.arrayContaining([reason]) });
const eventRejected = (status: number, ...errors: unknown[]) => ({
  statusCode: status,
  error: status === 413 ? 'Payload Too Large' : 'Bad Request',
  message: 'event rejected',
  errors,
});
const batchRejected = (index: number, ...errors: unknown[]) => ({ index, status: 'rejected', statusCode: 400, errors });
const unknownType = issue('type', `type must be one of the following values: ${ACTIVITY_TYPES.join(', ')}`);
const noIdentity = issue('identity', 'identity must contain at least one of anonymousId, userId, email');

/** JSON cut off after its first member: the parser fails at its very end. */
const TRUNCATED_JSON = '{"messageId": "m-1",';

const nowSeconds = () => Math.floor(Date.now() / 1000);
function signedBy(secret: (s: Sources) => string, timestamp: () => number) {
  return (s: Sources): HttpCallOptions => {
    const body = JSON.stringify(event());
    const at = timestamp();
    return {
      body,
      headers: {
        ...bearerAuth(s.signed.writeKey),
        'x-handoff-timestamp': String(at),
        'x-handoff-signature': signRequest(secret(s), body, at),
      },
    };
  };
}

const CASES: BadInputCase[] = [
  {
    name: 'missing fields',
    request: native({ type: 'page_view' }),
    status: 400,
    body: eventRejected(
      400,
      issue('messageId', 'messageId should not be empty'),
      issue('identity', 'identity should not be null or undefined'),
    ),
  },
  {
    name: 'wrong types',
    request: native({
      messageId: 42,
      type: 'page_view',
      identity: { email: 'nope' },
      occurredAt: 'yesterday',
      properties: 'x',
    }),
    status: 400,
    body: eventRejected(
      400,
      issue('messageId', 'messageId must be a string'),
      issue(
        'occurredAt',
        'occurredAt must be an RFC 3339 date-time with a time zone, e.g. 2024-01-31T10:00:00Z or 2024-01-31T11:00:00.250+01:00',
      ),
      issue('identity.email', 'email must be an email'),
      issue('properties', 'properties must be an object of named values'),
    ),
  },
  {
    name: 'an unknown event type',
    request: native(event({ type: 'teleported' })),
    status: 400,
    body: eventRejected(400, unknownType),
  },
  {
    name: 'an unknown extra field (native)',
    request: native(event({ colour: 'red' })),
    status: 400,
    body: eventRejected(400, issue('colour', 'property colour should not exist')),
  },
  {
    name: 'an oversize single event',
    request: native(event({ properties: { notes: 'x'.repeat(40_000) } })),
    status: 413,
    body: eventRejected(413, {
      field: BODY_FIELD,
      reasons: [expect.stringMatching(/^event is \d+ bytes; the limit is 32768$/)],
    }),
  },
  {
    name: 'an oversize batch body',
    request: native({ batch: Array.from({ length: 20 }, () => event({ properties: { notes: 'x'.repeat(30_000) } })) }),
    status: 413,
    body: {
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'request body is larger than the 512000 bytes this endpoint accepts',
    },
  },
  {
    name: 'bad JSON',
    request: native(TRUNCATED_JSON),
    status: 400,
    body: {
      statusCode: 400,
      error: 'Bad Request',
      message: 'request body is not valid JSON',
      errors: [
        { field: BODY_FIELD, reasons: [`body is not valid JSON (syntax error at position ${TRUNCATED_JSON.length})`] },
      ],
    },
  },
  {
    name: 'a bad write key',
    request: () => ({ headers: bearerAuth('hk_not-a-key-anyone-was-given'), body: event() }),
    status: 401,
    body: { statusCode: 401, error: 'Unauthorized', message: 'unknown write key' },
  },
  {
    name: 'a revoked write key',
    path: '/v1/track',
    request: (s) => ({ headers: basicAuth(s.revoked.writeKey), body: { userId: 'u-1', event: 'Signed Up' } }),
    status: 403,
    body: { statusCode: 403, error: 'Forbidden', message: 'write key revoked' },
  },
  {
    name: 'a bad signature',
    request: signedBy(() => 'not-the-signing-secret', nowSeconds),
    status: 401,
    body: { statusCode: 401, error: 'Unauthorized', message: 'bad signature' },
  },
  {
    name: 'a stale signature timestamp',
    request: signedBy(
      (s) => s.signed.signingSecret ?? '',
      () => nowSeconds() - 3600,
    ),
    status: 401,
    body: {
      statusCode: 401,
      error: 'Unauthorized',
      message: "stale timestamp: X-Handoff-Timestamp is more than 300 s from the server's clock",
    },
  },
  {
    name: 'a batch with some bad events',
    request: native({ batch: [event(), event({ type: 'teleported' }), event(), event({ identity: {} })] }),
    status: 207,
    body: {
      accepted: 2,
      duplicates: 0,
      rejected: 2,
      retry: 0,
      results: [
        expect.objectContaining({ index: 0, status: 'accepted' }),
        batchRejected(1, unknownType),
        expect.objectContaining({ index: 2, status: 'accepted' }),
        batchRejected(3, noIdentity),
      ],
    },
    acceptedLand: true,
  },
  {
    name: 'a batch of only bad events',
    request: native({ batch: [event({ type: 'teleported' }), event({ identity: {} })] }),
    status: 400,
    body: {
      accepted: 0,
      duplicates: 0,
      rejected: 2,
      retry: 0,
      results: [batchRejected(0, unknownType), batchRejected(1, noIdentity)],
    },
  },
  {
    name: 'a Segment call with neither userId nor anonymousId',
    path: '/v1/track',
    request: segment({ messageId: randomUUID(), event: 'Demo Requested', properties: { plan: 'pro' } }),
    status: 400,
    body: eventRejected(400, issue('userId', 'one of userId and anonymousId is required')),
  },
  {
    name: 'too many events in a batch',
    request: native({ batch: Array.from({ length: 2501 }, () => ({ type: 'page_view' })) }),
    status: 413,
    body: {
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'a batch holds at most 2500 events; this one has 2501',
    },
  },
];

it.each(CASES)('answers $name with $status and says what is wrong', async (testCase) => {
  const response = await ingest.request('POST', testCase.path ?? '/v1/events', testCase.request(sources));

  expect({ status: response.status, body: response.body }).toEqual({ status: testCase.status, body: testCase.body });
  if (testCase.acceptedLand) {
    const eventIds = (response.body as BatchResponseBody).results.flatMap((result) =>
      result.status === 'accepted' ? [result.eventId] : [],
    );
    await reader.waitForValues<EngagementRecordedV1>(RECORDED, (e) => eventIds.includes(e.eventId), eventIds.length);
  }
});
