import { randomBytes, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type EngagementRecordedV1, Topics } from '@handoff/contracts';
import { TEST_KAFKA_BROKERS, TopicReader, type HttpCallResponse, waitFor } from '@handoff/testing';
import type { IssuedSourceView } from '../sources/source.dto';
import { basicAuth, bearerAuth, type IngestTestApp, startIngestTestApp } from '../testing/ingest-test-app';
import type { BatchResponseBody } from './ingestion-result';
import { eventIdOf } from './recorded-event.factory';

const RECORDED = Topics.engagementRecorded.name;
const PUBLISH_TIMEOUT_MS = 1500;
const RECOVERY_TIMEOUT_MS = 30_000;

/** The workspace root: the nearest directory above this file that holds nx.json. */
function workspaceRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${__dirname}`);
  }
}

/**
 * The pid of the local broker: the one `npm run infra:up` started (its pid file), or else whichever JVM
 * listens on the broker's port. The test freezes that JVM (SIGSTOP) to take Kafka away without losing its
 * data, and thaws it (SIGCONT) afterwards, whatever happens.
 */
function brokerPid(): number {
  const pidFile = join(workspaceRoot(), '.cache/infra/kafka.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : listenerPid(brokerPort());
  const cmdline = `/proc/${pid}/cmdline`;
  if (!Number.isInteger(pid) || !existsSync(cmdline) || !readFileSync(cmdline, 'utf8').includes('kafka.Kafka')) {
    throw new Error(`no local Kafka broker process found (pid ${pid}): start one with \`npm run infra:up\``);
  }
  return pid;
}

function brokerPort(): number {
  return Number(TEST_KAFKA_BROKERS[0].split(':')[1]);
}

/** The pid of the process listening on `port`, from iproute2's `ss`. */
function listenerPid(port: number): number {
  const listing = execFileSync('ss', ['-Htlnp', `sport = :${port}`]).toString();
  return Number(/pid=(\d+)/.exec(listing)?.[1]);
}

let ingest: IngestTestApp;
let source: IssuedSourceView;
let reader: TopicReader;
let pid: number;

beforeAll(async () => {
  pid = brokerPid();
  ingest = await startIngestTestApp({ INGEST_PUBLISH_TIMEOUT_MS: String(PUBLISH_TIMEOUT_MS), LOG_LEVEL: 'error' });
  [source, reader] = await Promise.all([ingest.createSource(), TopicReader.startAtEnd([RECORDED])]);
});

afterAll(async () => {
  if (pid) process.kill(pid, 'SIGCONT');
  await Promise.all([reader?.stop(), ingest?.close()]);
});

/** Runs `during` with the broker frozen; the broker is always thawed afterwards. */
async function withBrokerFrozen(during: () => Promise<void>): Promise<void> {
  process.kill(pid, 'SIGSTOP');
  try {
    await during();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

/** What a client does after a 503: retries the same request, at its own pace, until it is answered 200. */
async function retryUntilOk(send: () => Promise<HttpCallResponse>): Promise<HttpCallResponse> {
  let last: HttpCallResponse | undefined;
  await waitFor(
    'the retried request to be answered 200',
    async () => {
      last = await send();
      if (last.status !== 200 && last.status !== 503) {
        throw new Error(`retry answered ${last.status}: ${JSON.stringify(last.body)}`);
      }
      return last.status === 200;
    },
    { timeoutMs: RECOVERY_TIMEOUT_MS, intervalMs: 250 },
  );
  return last as HttpCallResponse;
}

it('answers 503 with Retry-After while Kafka is down, and records the retried messages exactly once after it is back', async () => {
  const userId = `user-${randomBytes(5).toString('hex')}`;
  const nativeEvent = { messageId: randomUUID(), type: 'demo_request', identity: { userId } };
  const segmentCall = { messageId: randomUUID(), userId, event: 'Pricing Page Viewed' };
  const sendNative = () =>
    ingest.request('POST', '/v1/events', { headers: bearerAuth(source.writeKey), body: nativeEvent });
  const sendSegment = () =>
    ingest.request('POST', '/v1/track', { headers: basicAuth(source.writeKey), body: segmentCall });

  await withBrokerFrozen(async () => {
    for (const response of [await sendNative(), await sendSegment()]) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'event stream unavailable: nothing was accepted; retry',
      });
    }
  });

  const retries = [await retryUntilOk(sendNative), await retryUntilOk(sendSegment)];
  const eventIds = [nativeEvent.messageId, segmentCall.messageId].map((messageId) => eventIdOf(source.id, messageId));
  retries.forEach((retry, index) => {
    const [result] = (retry.body as BatchResponseBody).results;
    // Accepted by the retry, or already recorded by the send the broker finished after thawing.
    expect(['accepted', 'duplicate']).toContain(result.status);
    expect(result).toMatchObject({ eventId: eventIds[index] });
  });

  // A later event of the same lead lands on the same partition after any copy of the retried ones.
  const marker = await ingest.request('POST', '/v1/events', {
    headers: bearerAuth(source.writeKey),
    body: { messageId: randomUUID(), type: 'product_usage', identity: { userId } },
  });
  const [markerResult] = (marker.body as BatchResponseBody).results;
  if (markerResult.status !== 'accepted') throw new Error(`marker answered ${JSON.stringify(marker.body)}`);
  await reader.waitForValues<EngagementRecordedV1>(RECORDED, (e) => e.eventId === markerResult.eventId);

  for (const eventId of eventIds) {
    const copies = reader.values<EngagementRecordedV1>(RECORDED, (e) => e.eventId === eventId);
    expect(copies).toEqual([expect.objectContaining({ leadId: markerResult.leadId })]);
  }
});
