import { randomUUID } from 'node:crypto';
import type { DeadLetterCount, DeadLetterPage, DeadLetterView } from '@handoff/console-api';
import { dlqNameOf, Topics } from '@handoff/contracts';
import { deadLetterHeaders, DLQ_HEADERS, DLQ_REPLAYED_FROM_HEADER, PoisonMessageError } from '@handoff/platform-kafka';
import { TopicReader, TopicWriter, waitFor } from '@handoff/testing';
import type { ConsoleBrowser } from '../testing/console-browser';
import { type ConsoleTestApp, prepareConsoleEnv, startConsoleApp } from '../testing/console-test-app';

const SOURCE = Topics.salesActivity.name;
const DLQ = dlqNameOf(SOURCE);
/** Each read of a dead-letter topic joins a throw-away group: slower than a plain poll on a busy machine. */
const SLOW_MS = 40_000;

describe('dead letters through the console API, against the real broker', () => {
  let consoleApp: ConsoleTestApp;
  let admin: ConsoleBrowser;
  let writer: TopicWriter;

  beforeAll(async () => {
    prepareConsoleEnv();
    [consoleApp, writer] = await Promise.all([startConsoleApp(), TopicWriter.connect()]);
    admin = await consoleApp.admin();
  });

  afterAll(async () => {
    await writer?.disconnect();
    await consoleApp?.stop();
  });

  /** A record of `SOURCE` dead-lettered as platform-kafka's consumers do it, with a key no other run uses. */
  async function deadLetter(): Promise<{ key: string; position: string }> {
    const key = randomUUID();
    const value = Buffer.from(JSON.stringify({ marker: key }));
    const failed = {
      topic: SOURCE,
      partition: 4,
      offset: '41',
      key: Buffer.from(key),
      value,
      headers: { 'x-app': 'int' },
    };
    const headers = deadLetterHeaders(failed, {
      error: new PoisonMessageError('marker records are never applied'),
      kind: 'poison',
      attempts: 1,
      failedAt: new Date(),
    });
    const written = await writer.write(DLQ, { key, value: value.toString(), headers });
    return { key, position: `${written.partition}/${written.offset}` };
  }

  async function listed(key: string): Promise<DeadLetterView> {
    const page = await admin.call('GET', `/api/dead-letters/${DLQ}?limit=1000`);
    expect(page.status).toBe(200);
    const record = (page.body as DeadLetterPage).records.find((letter) => letter.key === key);
    if (!record) throw new Error(`dead letter ${key} not listed`);
    return record;
  }

  it('counts, lists and replays a dead letter to its original topic without the dead-letter headers', async () => {
    const { key, position } = await deadLetter();

    const counts = await admin.call('GET', '/api/dead-letters');
    expect(counts.status).toBe(200);
    const count = (counts.body as DeadLetterCount[]).find(({ topic }) => topic === DLQ);
    expect(count).toMatchObject({ sourceTopic: SOURCE, records: expect.any(Number) });
    expect(count?.records).toBeGreaterThanOrEqual(1);

    expect(await listed(key)).toMatchObject({
      position,
      sourceTopic: SOURCE,
      sourcePartition: 4,
      sourceOffset: '41',
      errorClass: 'poison/PoisonMessageError',
      errorMessage: 'marker records are never applied',
      attempts: 1,
      value: JSON.stringify({ marker: key }),
    });

    const original = await TopicReader.startAtEnd([SOURCE]);
    try {
      const replay = await admin.call('POST', `/api/dead-letters/${DLQ}/replay`, { body: { positions: [position] } });
      expect(replay).toMatchObject({ status: 200, body: { replayed: 1 } });

      await waitFor('the replayed record on its original topic', () => original.records.some((r) => r.key === key), {
        timeoutMs: SLOW_MS,
      });
      const replayed = original.records.find((r) => r.key === key);
      expect(replayed?.value).toBe(JSON.stringify({ marker: key }));
      expect(replayed?.headers).toMatchObject({ 'x-app': 'int', [DLQ_REPLAYED_FROM_HEADER]: `${DLQ}/${position}` });
      expect(Object.keys(replayed?.headers ?? {})).not.toContain(DLQ_HEADERS.errorClass);
    } finally {
      await original.stop();
    }
  });

  it('answers 404 naming the positions that hold no dead letter', async () => {
    const { position } = await deadLetter();
    const missing = '0/999999999';

    const replay = await admin.call('POST', `/api/dead-letters/${DLQ}/replay`, {
      body: { positions: [position, missing] },
    });

    expect(replay.status).toBe(404);
    expect(replay.body).toMatchObject({ errors: [{ field: 'positions', reasons: [`${missing} is not in ${DLQ}`] }] });
  });

  it('answers 400 for a topic that is not a dead-letter topic, without reading Kafka', async () => {
    const page = await admin.call('GET', `/api/dead-letters/${SOURCE}`);

    expect(page.status).toBe(400);
    expect(page.body).toMatchObject({ errors: [{ field: 'topic' }] });
  });
});
