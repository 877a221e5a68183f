import { randomBytes, randomUUID } from 'node:crypto';
import { type EngagementRecordedV1, PAYLOAD_STRUCTURE_LIMITS, Topics } from '@handoff/contracts';
import { TopicReader, type HttpCallOptions } from '@handoff/testing';
import type { IssuedSourceView } from '../sources/source.dto';
import { basicAuth, bearerAuth, type IngestTestApp, startIngestTestApp } from '../testing/ingest-test-app';
import type { BatchResponseBody } from './ingestion-result';

/**
 * The rows of issue 7's table that concern ingest's HTTP edge: each input is answered with a 4xx naming
 * the field (or, in a batch, a 207 rejecting that item), never a 5xx, and nothing of it is recorded.
 */

const RECORDED = Topics.engagementRecorded.name;

let ingest: IngestTestApp;
let source: IssuedSourceView;
let reader: TopicReader;

beforeAll(async () => {
  ingest = await startIngestTestApp();
  source = await ingest.createSource({ name: 'hostile inputs' });
  reader = await TopicReader.startAtEnd([RECORDED]);
});

afterAll(async () => {
  await Promise.all([reader?.stop(), ingest?.close()]);
});

const anonymous = () => `anon-${randomBytes(5).toString('hex')}`;
const event = (fields: object = {}) => ({
  messageId: randomUUID(),
  type: 'page_view',
  identity: { anonymousId: anonymous() },
  ...fields,
});
const track = (fields: object = {}) => ({
  type: 'track',
  messageId: randomUUID(),
  userId: `user-${randomBytes(5).toString('hex')}`,
  event: 'Signed Up',
  ...fields,
});
/**
 * A body whose `properties` are `{ "a": { "a": … } }` with `levels` objects (5,000 make about 30 KB), as
 * text: the test's own JSON.stringify would overflow the stack first.
 */
function withNestedProperties(body: object, levels: number): string {
  const nested = `${'{"a":'.repeat(levels)}"leaf"${'}'.repeat(levels)}`;
  return JSON.stringify({ ...body, properties: '<nested>' }).replace('"<nested>"', nested);
}
/** Short emails: the text fits its limit, but each grows from 7 to 21 characters once masked. */
const emails = (count: number) => Array.from({ length: count }, (_, n) => `a${n % 10}@b.io`).join(' ');

const native = (body: unknown): HttpCallOptions => ({ headers: bearerAuth(source.writeKey), body });
const segment = (body: unknown): HttpCallOptions => ({ headers: basicAuth(source.writeKey), body });

interface HostileCase {
  name: string;
  path?: string;
  request: () => HttpCallOptions;
  status: number;
  /** The field each rejected event's answer names, with a fragment of its reason. */
  rejects: { index: number; field: string; reason: string }[];
}

const RFC3339 = 'must be an RFC 3339 date-time with a time zone';

const CASES: HostileCase[] = [
  {
    name: 'a NUL character in a property',
    request: () => native(event({ properties: { note: 'a\u0000b' } })),
    status: 400,
    rejects: [{ index: 0, field: 'properties.note', reason: 'NUL' }],
  },
  {
    name: 'a NUL character in identity.anonymousId',
    request: () => native(event({ identity: { anonymousId: 'anon-\u0000-1' } })),
    status: 400,
    rejects: [{ index: 0, field: 'identity.anonymousId', reason: 'NUL' }],
  },
  {
    name: 'a Segment batch item dated by week (2024-W05) next to a good one',
    path: '/v1/batch',
    request: () => segment({ batch: [track({ timestamp: '2024-W05' }), track()] }),
    status: 207,
    rejects: [{ index: 0, field: 'timestamp', reason: RFC3339 }],
  },
  {
    name: 'an occurredAt in basic format (20240101)',
    request: () => native(event({ occurredAt: '20240101' })),
    status: 400,
    rejects: [{ index: 0, field: 'occurredAt', reason: RFC3339 }],
  },
  {
    name: 'an event dated 9999-12-31',
    request: () => native(event({ occurredAt: '9999-12-31T00:00:00Z' })),
    status: 400,
    rejects: [{ index: 0, field: 'occurredAt', reason: 'in the future' }],
  },
  {
    name: 'properties nested 5,000 levels deep',
    request: () => native(withNestedProperties(event(), 5000)),
    status: 400,
    rejects: [{ index: 0, field: 'properties', reason: `deeper than ${PAYLOAD_STRUCTURE_LIMITS.maxDepth} levels` }],
  },
  {
    name: 'Segment properties nested 5,000 levels deep',
    path: '/v1/track',
    request: () => segment(withNestedProperties(track(), 5000)),
    status: 400,
    rejects: [{ index: 0, field: 'properties', reason: `deeper than ${PAYLOAD_STRUCTURE_LIMITS.maxDepth} levels` }],
  },
  {
    name: 'a Segment alias whose userId is blank spaces',
    path: '/v1/alias',
    request: () => segment({ previousId: anonymous(), userId: '   ' }),
    status: 400,
    rejects: [{ index: 0, field: 'userId', reason: 'must not be blank' }],
  },
  {
    name: 'a Segment track whose anonymousId is blank spaces',
    path: '/v1/track',
    request: () => segment(track({ anonymousId: ' \t ' })),
    status: 400,
    rejects: [{ index: 0, field: 'anonymousId', reason: 'must not be blank' }],
  },
  // Found by the property-based tests (http-fuzz.int-spec.ts):
  {
    name: 'a Segment batch alias whose previousId holds a NUL, next to a good alias',
    path: '/v1/batch',
    request: () =>
      segment({
        batch: [
          { type: 'alias', previousId: '\u0000', userId: 'user-a00000' },
          { type: 'alias', previousId: anonymous(), userId: 'user-0000a0' },
        ],
      }),
    status: 207,
    rejects: [{ index: 0, field: 'previousId', reason: 'NUL' }],
  },
  {
    name: 'a Segment identify whose title trait holds a lone surrogate',
    path: '/v1/identify',
    request: () => segment(track({ type: 'identify', traits: { title: '\udfffCTO' } })),
    status: 400,
    rejects: [{ index: 0, field: 'traits.title', reason: 'lone UTF-16 surrogate' }],
  },
  {
    name: 'an anonymous id full of emails that outgrows its limit once they are masked',
    request: () => native(event({ identity: { anonymousId: emails(18) } })),
    status: 400,
    rejects: [{ index: 0, field: 'identity.anonymousId', reason: '128' }],
  },
  {
    name: 'a property full of emails that outgrows its limit once they are masked, in a batch',
    request: () => native({ batch: [event(), event({ properties: { notes: emails(290) } })] }),
    status: 207,
    rejects: [{ index: 1, field: 'properties', reason: '2048' }],
  },
];

/** The events a batch answer accepted, which must land on the topic. */
const acceptedIds = (body: BatchResponseBody) =>
  body.results.flatMap((result) => (result.status === 'accepted' ? [result.eventId] : []));

it.each(CASES)('answers $name with $status naming the field', async (testCase) => {
  const response = await ingest.request('POST', testCase.path ?? '/v1/events', testCase.request());

  expect(response.status).toBe(testCase.status);
  const body = response.body as BatchResponseBody & { errors?: unknown };
  const expected = testCase.rejects.map(({ field, reason }) =>
    expect.arrayContaining([
      expect.objectContaining({
        field: expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}`)),
        reasons: expect.arrayContaining([expect.stringContaining(reason)]),
      }),
    ]),
  );
  if (testCase.status === 207) {
    const rejected = body.results.filter((result) => result.status === 'rejected');
    expect(rejected.map((result) => result.index)).toEqual(testCase.rejects.map((r) => r.index));
    expect(rejected.map((result) => ('errors' in result ? result.errors : []))).toEqual(expected);
    const landed = acceptedIds(body);
    await reader.waitForValues<EngagementRecordedV1>(RECORDED, (e) => landed.includes(e.eventId), landed.length);
  } else {
    expect([body.errors]).toEqual(expected);
  }
});

it('leaves no de-duplication key behind for an event rejected on its output: the fixed resend is recorded', async () => {
  const messageId = randomUUID();
  const rejected = await ingest.request(
    'POST',
    '/v1/events',
    native(event({ messageId, properties: { n: emails(290) } })),
  );
  const resent = await ingest.request('POST', '/v1/events', native(event({ messageId })));

  expect(rejected.status).toBe(400);
  expect(resent.status).toBe(200);
  expect((resent.body as BatchResponseBody).results[0].status).toBe('accepted');
});
