import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EngagementRecordedV1, Topics } from '@handoff/contracts';
import {
  expectedBooks,
  type HandoffStack,
  readRunRecord,
  runFunnelSimulation,
  type SentLine,
  seedDirectory,
  seedQuotas,
  simulatedSalesOrg,
  startHandoffStack,
  TopicReader,
  uniqueName,
  waitFor,
} from '@handoff/testing';

const workspaceRoot = join(__dirname, '../../..');
const RATE = 10;
const MESSAGES = 100;

let stack: HandoffStack<'ingest' | 'scoring' | 'routing' | 'quota'>;
let recorded: TopicReader;
let directory: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'simulation-'));
  stack = await startHandoffStack(workspaceRoot, ['ingest', 'scoring', 'routing', 'quota']);
  recorded = await TopicReader.startAtEnd([Topics.engagementRecorded.name]);
}, 120_000);

afterAll(async () => {
  await recorded?.stop();
  await stack?.stop();
  rmSync(directory, { recursive: true, force: true });
});

it('records in ingest every event the simulator says was accepted, through all three interfaces', async () => {
  const org = simulatedSalesOrg();
  await seedDirectory(stack.routing, org);
  await seedQuotas(stack.quota, org);
  const source = await stack.ingest.admin<{ id: string; writeKey: string }>('/admin/sources', { name: 'simulator' });
  expect(source.status).toBe(201);

  const summary = await runFunnelSimulation({
    seed: 42,
    runId: uniqueName('sim'),
    ratePerSecond: RATE,
    messages: MESSAGES,
    ingestUrl: stack.ingest.process.baseUrl,
    writeKey: source.body.writeKey,
    sourceId: source.body.id,
    outPath: join(directory, 'run.jsonl'),
    settleSeconds: 1,
  });

  const lines = readRunRecord(summary.outPath);
  const books = expectedBooks(lines);
  for (const via of ['native', 'segment', 'kafka'] as const) {
    expect(books.sent[via]).toBeGreaterThan(0);
    expect(books.acknowledged[via]).toBe(books.sent[via]);
  }
  const toIngest = lines.filter(
    (line): line is SentLine => line.kind === 'sent' && ['native', 'segment', 'kafka'].includes(line.interface),
  );
  expect(toIngest).toHaveLength(MESSAGES);
  const httpEventIds = toIngest.filter((line) => line.interface !== 'kafka').map((line) => line.eventId);
  const kafkaMessageIds = toIngest.filter((line) => line.interface === 'kafka').map((line) => line.id);

  // Ingest names HTTP events in its answer; a Kafka record keeps the simulator's message id as correlation id.
  const ours = (event: EngagementRecordedV1) => event.sourceId === source.body.id;
  const missing = () => {
    const events = recorded.values<EngagementRecordedV1>(Topics.engagementRecorded.name, ours);
    const eventIds = new Set(events.map((event) => event.eventId));
    const correlationIds = new Set(events.map((event) => event.correlationId));
    return [
      ...httpEventIds.filter((id) => !eventIds.has(id as string)),
      ...kafkaMessageIds.filter((id) => !correlationIds.has(id)),
    ];
  };
  await waitFor('every accepted event on engagement.recorded.v1', () => missing().length === 0, { timeoutMs: 30_000 });
  const events = recorded.values<EngagementRecordedV1>(Topics.engagementRecorded.name, ours);
  expect(new Set(events.map((event) => event.eventId)).size).toBe(toIngest.length);
}, 180_000);
