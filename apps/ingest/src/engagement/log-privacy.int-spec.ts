import { randomBytes, randomUUID } from 'node:crypto';
import {
  type EngagementInboundV1,
  type EngagementRecordedV1,
  Topics,
  dlqNameOf,
  encodeEvent,
} from '@handoff/contracts';
import { TopicReader, TopicWriter, waitFor } from '@handoff/testing';
import type { IssuedSourceView } from '../sources/source.dto';
import { basicAuth, bearerAuth, type IngestTestApp, startIngestTestApp } from '../testing/ingest-test-app';
import { KAFKA_SOURCE_ID } from './inbound-engagement.consumer';
import type { BatchResponseBody } from './ingestion-result';
import { eventIdOf } from './recorded-event.factory';

const RECORDED = Topics.engagementRecorded.name;
const INBOUND = Topics.engagementInbound.name;
const DLQ = dlqNameOf(INBOUND);

/** Everything the process writes while the app runs: its JSON log lines, and anything printed directly. */
class OutputCapture {
  readonly chunks: string[] = [];
  private readonly originalWrite = process.stdout.write;
  private readonly consoleSpies: jest.SpyInstance[] = [];

  start(): void {
    process.stdout.write = ((chunk: string | Uint8Array) => {
      this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      this.consoleSpies.push(
        jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          this.chunks.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
        }),
      );
    }
  }

  stop(): void {
    process.stdout.write = this.originalWrite;
    for (const spy of this.consoleSpies) spy.mockRestore();
  }

  lines(): string[] {
    return this.chunks.join('').split('\n').filter(Boolean);
  }
}

const output = new OutputCapture();
let ingest: IngestTestApp;
let source: IssuedSourceView;
let reader: TopicReader;
let writer: TopicWriter;

beforeAll(async () => {
  output.start();
  ingest = await startIngestTestApp({ LOG_LEVEL: 'debug' });
  [source, reader, writer] = await Promise.all([
    ingest.createSource(),
    TopicReader.startAtEnd([RECORDED, DLQ]),
    TopicWriter.connect(),
  ]);
});

afterAll(async () => {
  try {
    await Promise.all([reader?.stop(), writer?.disconnect()]);
    await ingest?.close();
  } finally {
    output.stop();
  }
});

/** One address per place an email can hide, so a failure names the place. */
function addresses() {
  const id = randomBytes(4).toString('hex');
  const at = (place: string) => `Mary.Jackson.${place}.${id}@Example.com`;
  return {
    identity: at('identity'),
    profile: at('profile'),
    formField: at('form'),
    segmentTraits: at('traits'),
    segmentProperty: at('property'),
    segmentContext: at('context'),
    badRequest: at('bad-request'),
    badJson: at('bad-json'),
    inbound: at('inbound'),
    badInbound: at('bad-inbound'),
  };
}

function parseLine(line: string): Record<string, string | number> {
  try {
    return JSON.parse(line) as Record<string, string | number>;
  } catch {
    return {};
  }
}

async function accepted(path: string, headers: Record<string, string>, body: object): Promise<string> {
  const response = await ingest.request('POST', path, { headers, body: { messageId: randomUUID(), ...body } });
  const [result] = (response.body as BatchResponseBody).results ?? [];
  if (result?.status !== 'accepted') throw new Error(`${path} answered ${response.status}`);
  return result.eventId;
}

it('never writes an email in clear to the logs or to engagement.recorded.v1', async () => {
  const emails = addresses();
  const native = bearerAuth(source.writeKey);
  const segment = basicAuth(source.writeKey);
  const eventIds = [
    await accepted('/v1/events', native, {
      type: 'form_submit',
      identity: { email: emails.identity },
      properties: { form: { email: emails.formField, message: `please call ${emails.formField}` } },
      profile: { email: emails.profile, traits: { backupEmail: emails.profile } },
    }),
    await accepted('/v1/identify', segment, {
      anonymousId: `anon-${randomUUID()}`,
      traits: { email: emails.segmentTraits, name: 'Mary Jackson', manager: emails.segmentTraits },
      context: { traits: { email: emails.segmentContext } },
    }),
    await accepted('/v1/track', segment, {
      userId: `user-${randomUUID()}`,
      event: 'Content Downloaded',
      properties: {
        email: emails.segmentProperty,
        url: `https://acme.test/?email=${encodeURIComponent(emails.segmentProperty)}`,
      },
      context: { traits: { email: emails.segmentContext } },
    }),
  ];
  const badRequest = await ingest.request('POST', '/v1/events', {
    headers: native,
    body: {
      messageId: randomUUID(),
      type: 'teleported',
      identity: { email: emails.badRequest },
      note: emails.badRequest,
    },
  });
  const badJson = await ingest.request('POST', '/v1/identify', {
    headers: segment,
    body: `{"userId": "u-1", "traits": {"email": "${emails.badJson}"`,
  });
  expect([badRequest.status, badJson.status]).toEqual([400, 400]);
  expect(JSON.stringify([badRequest.body, badJson.body]).toLowerCase()).not.toContain('mary.jackson');

  const inbound: EngagementInboundV1 = {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    correlationId: randomUUID(),
    type: 'email_click',
    identity: { email: emails.inbound },
    properties: { link: `mailto:${emails.inbound}` },
  };
  const badInbound = await writer.write(INBOUND, {
    key: emails.badInbound.toLowerCase(),
    value: JSON.stringify({ ...inbound, eventId: 'not-a-uuid', identity: { email: emails.badInbound } }),
  });
  await writer.write(INBOUND, encodeEvent(Topics.engagementInbound, inbound));
  eventIds.push(eventIdOf(KAFKA_SOURCE_ID, inbound.eventId));

  const recorded = await reader.waitForValues<EngagementRecordedV1>(
    RECORDED,
    (e) => eventIds.includes(e.eventId),
    eventIds.length,
  );
  const isBadInbound = (headers: Record<string, string | number>) =>
    String(headers['dlq-original-partition'] ?? headers['partition']) === String(badInbound.partition) &&
    String(headers['dlq-original-offset'] ?? headers['offset']) === badInbound.offset;
  await waitFor('the bad inbound record to be dead-lettered', () =>
    reader.on(DLQ).some((record) => isBadInbound(record.headers)),
  );

  const lines = output.lines();
  // The capture sees the app's lines, among them the one about the record carrying an email.
  expect(lines.some((line) => line.includes('source created'))).toBe(true);
  expect(
    lines.map(parseLine).some((entry) => entry.msg === 'message sent to dead-letter topic' && isBadInbound(entry)),
  ).toBe(true);
  for (const [place, email] of Object.entries(emails)) {
    const forms = [email.toLowerCase(), encodeURIComponent(email).toLowerCase()];
    const leaks = lines.filter((line) => forms.some((form) => line.toLowerCase().includes(form)));
    expect({ place, leaks }).toEqual({ place, leaks: [] });
  }
  const published = JSON.stringify(recorded).toLowerCase();
  for (const email of Object.values(emails)) expect(published).not.toContain(email.toLowerCase());
  for (const deadLetter of reader.on(DLQ).filter((record) => isBadInbound(record.headers))) {
    expect(deadLetter.headers['dlq-error-message']).toContain('eventId must be a UUID');
    expect(deadLetter.headers['dlq-error-message'].toLowerCase()).not.toContain('mary.jackson');
  }
});
