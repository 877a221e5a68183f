import { decodeEventJson, type EngagementRecordedV1, Topics } from '@handoff/contracts';
import fc from 'fast-check';
import type { IssuedSourceView } from '../sources/source.dto';
import {
  hostileJson,
  nativeEvent,
  type SegmentCall,
  segmentBatchItem,
  segmentCall,
} from '../testing/hostile-arbitraries';
import {
  basicAuth,
  bearerAuth,
  type IngestStreamsTestBed,
  startIngestStreamsTestBed,
} from '../testing/ingest-test-app';
import type { BatchResponseBody } from './ingestion-result';

/**
 * Property-based tests of ingest's HTTP edge: whatever the body, no answer is a 5xx, and every event
 * answered "accepted" lands on engagement.recorded.v1 in a shape scoring accepts. FUZZ_RUNS sets the
 * cases per endpoint (a longer campaign: FUZZ_RUNS=500), FUZZ_SEED the seed (fixed, so runs repeat).
 */

const RECORDED = Topics.engagementRecorded.name;
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 20);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20240105);

let bed: IngestStreamsTestBed;
let source: IssuedSourceView;
const acceptedEventIds = new Set<string>();

beforeAll(async () => {
  bed = await startIngestStreamsTestBed([RECORDED]);
  source = bed.source;
});

afterAll(async () => {
  await bed?.close();
});

/** Posts the body and checks the answer: never a 5xx; accepted events are remembered for the landing check. */
async function postChecked(path: string, headers: Record<string, string>, body: unknown): Promise<void> {
  const response = await bed.ingest.request('POST', path, { headers, body });
  if (response.status >= 500) {
    throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  const results = (response.body as Partial<BatchResponseBody> | undefined)?.results ?? [];
  for (const result of results) if (result.status === 'accepted') acceptedEventIds.add(result.eventId);
}

async function fuzz(name: string, body: fc.Arbitrary<unknown>, send: (body: unknown) => Promise<void>) {
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(body, async (generated) => {
      cases++;
      await send(generated);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  process.stdout.write(`fuzz ${name}: ${cases} cases\n`);
}

const native = (body: unknown) => postChecked('/v1/events', bearerAuth(source.writeKey), body);
const segment = (path: string) => (body: unknown) => postChecked(path, basicAuth(source.writeKey), body);

it('never answers a native single event with a 5xx', async () => {
  await fuzz('native event', nativeEvent, native);
});

it('never answers a native batch with a 5xx', async () => {
  const batch = fc.oneof(
    fc.array(nativeEvent, { minLength: 1, maxLength: 6 }).map((events) => ({ batch: events })),
    hostileJson.map((batch) => ({ batch })),
  );
  await fuzz('native batch', batch, native);
});

it.each<SegmentCall>(['track', 'identify', 'page', 'group', 'alias'])(
  'never answers a Segment %s call with a 5xx',
  async (call) => {
    await fuzz(`segment ${call}`, segmentCall(call), segment(`/v1/${call}`));
  },
);

it('never answers a Segment batch with a 5xx', async () => {
  const batch = fc.array(segmentBatchItem, { minLength: 1, maxLength: 6 }).map((items) => ({ batch: items }));
  await fuzz('segment batch', batch, segment('/v1/batch'));
});

/** What scoring does with a recorded event before it scores it: decode it, then store it in PostgreSQL. */
function expectScorable(value: string | null): void {
  decodeEventJson(Topics.engagementRecorded, value);
  // PostgreSQL's jsonb refuses NUL and unpaired surrogates: the codec must never let them through.
  expect(value).not.toMatch(
    /\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i,
  );
}

it('publishes every accepted event in a shape scoring accepts', async () => {
  expect(acceptedEventIds.size).toBeGreaterThan(0);
  const ours = (event: EngagementRecordedV1) => acceptedEventIds.has(event.eventId);
  await bed.reader.waitForValues<EngagementRecordedV1>(RECORDED, ours, acceptedEventIds.size);

  const records = bed.reader.on(RECORDED).filter((record) => {
    const value = JSON.parse(record.value ?? '{}') as { eventId?: string };
    return value.eventId !== undefined && acceptedEventIds.has(value.eventId);
  });
  for (const record of records) expectScorable(record.value);
});
