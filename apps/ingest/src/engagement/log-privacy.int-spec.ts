import { randomBytes, randomUUID } from 'node:crypto';
import {
  type EngagementInboundV1,
  type EngagementRecordedV1,
  Topics,
  dlqNameOf,
  encodeEvent,
} from '@handoff/contracts';
import { TopicReader, TopicWriter, type WrittenRecord, waitFor, type HttpCallResponse } from '@handoff/testing';
import type { IssuedSourceView } from '../sources/source.dto';
import {
  basicAuth,
  bearerAuth,
  type IngestTestApp,
  startIngestStreamsTestBed,
  type IngestStreamsTestBed,
} from '../testing/ingest-test-app';
import { OutputCapture } from '../testing/output-capture';
import { KAFKA_SOURCE_ID } from './inbound-engagement.consumer';
import { eventIdOf } from './recorded-event.factory';

const RECORDED = Topics.engagementRecorded.name;
const INBOUND = Topics.engagementInbound.name;
const DLQ = dlqNameOf(INBOUND);

const output = new OutputCapture();
let bed: IngestStreamsTestBed | undefined;
let ingest: IngestTestApp;
let source: IssuedSourceView;
let reader: TopicReader;
let writer: TopicWriter;

beforeAll(async () => {
  output.start();
  bed = await startIngestStreamsTestBed([RECORDED, DLQ], { LOG_LEVEL: 'debug' });
  ({ ingest, source, reader, writer } = bed);
});

afterAll(async () => {
  try {
    await bed?.close();
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
    userId: at('user-id'),
    propertyKey: at('property-key'),
  };
}

/** Names and phone numbers unique to a run, one per place, so a failure names the place. */
function personalTraits() {
  const id = randomBytes(3).toString('hex');
  const digits = String(parseInt(id, 16)).padStart(8, '0').slice(0, 8);
  return {
    profileFirstName: `Katherine${id}`,
    profileLastName: `Johnson${id}`,
    traitPhone: `+1 555 ${digits.slice(0, 4)} ${digits.slice(4)}`,
    segmentName: `Dorothy${id} Vaughan${id}`,
    segmentPhone: `+44 20 ${digits.slice(0, 4)} ${digits.slice(4)}`,
    propertyPhone: `+33 1 ${digits.slice(0, 4)} ${digits.slice(4)}`,
  };
}

function parseLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const accepted = async (path: string, headers: Record<string, string>, body: object) =>
  (await ingest.sendAccepted(path, headers, body)).eventId;

type Emails = ReturnType<typeof addresses>;
type Traits = ReturnType<typeof personalTraits>;

/** Events carrying emails, names and phones in every place the HTTP APIs take them; returns their event ids. */
async function sendEventsWithEmails(emails: Emails, person: Traits): Promise<string[]> {
  const native = bearerAuth(source.writeKey);
  const segment = basicAuth(source.writeKey);
  return [
    await accepted('/v1/events', native, {
      type: 'form_submit',
      identity: { email: emails.identity },
      properties: {
        form: { email: emails.formField, message: `please call ${emails.formField}`, phone: person.propertyPhone },
        [emails.propertyKey]: 'subscribed',
      },
      profile: {
        email: emails.profile,
        firstName: person.profileFirstName,
        lastName: person.profileLastName,
        traits: { backupEmail: emails.profile, phone_number: person.traitPhone },
      },
    }),
    await accepted('/v1/events', native, {
      type: 'page_view',
      identity: { userId: emails.userId, anonymousId: emails.userId },
    }),
    await accepted('/v1/identify', segment, {
      anonymousId: `anon-${randomUUID()}`,
      traits: {
        email: emails.segmentTraits,
        name: person.segmentName,
        phone: person.segmentPhone,
        manager: emails.segmentTraits,
      },
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
}

/** Requests rejected for reasons other than their emails; their answers must not echo them either. */
async function sendBadRequestsWithEmails(emails: Emails): Promise<HttpCallResponse[]> {
  return [
    await ingest.request('POST', '/v1/events', {
      headers: bearerAuth(source.writeKey),
      body: {
        messageId: randomUUID(),
        type: 'teleported',
        identity: { email: emails.badRequest },
        note: emails.badRequest,
      },
    }),
    await ingest.request('POST', '/v1/identify', {
      headers: basicAuth(source.writeKey),
      body: `{"userId": "u-1", "traits": {"email": "${emails.badJson}"`,
    }),
  ];
}

/** A valid inbound record with an email, and an invalid one; returns the valid one's recorded event id. */
async function produceInboundWithEmails(emails: Emails): Promise<{ eventId: string; invalid: WrittenRecord }> {
  const inbound: EngagementInboundV1 = {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    correlationId: randomUUID(),
    type: 'email_click',
    identity: { email: emails.inbound },
    properties: { link: `mailto:${emails.inbound}` },
  };
  const invalid = await writer.write(INBOUND, {
    key: emails.badInbound.toLowerCase(),
    value: JSON.stringify({ ...inbound, eventId: 'not-a-uuid', identity: { email: emails.badInbound } }),
  });
  await writer.write(INBOUND, encodeEvent(Topics.engagementInbound, inbound));
  return { eventId: eventIdOf(KAFKA_SOURCE_ID, inbound.eventId), invalid };
}

const isAt = (record: WrittenRecord, partition: unknown, offset: unknown) =>
  String(partition) === String(record.partition) && String(offset) === record.offset;

it('never writes an email, a name or a phone number in clear to the logs or to engagement.recorded.v1', async () => {
  const emails = addresses();
  const person = personalTraits();
  const eventIds = await sendEventsWithEmails(emails, person);
  const rejections = await sendBadRequestsWithEmails(emails);
  const inbound = await produceInboundWithEmails(emails);
  eventIds.push(inbound.eventId);

  expect(rejections.map((response) => response.status)).toEqual([400, 400]);
  expect(JSON.stringify(rejections.map((response) => response.body)).toLowerCase()).not.toContain('mary.jackson');
  const recorded = await reader.waitForValues<EngagementRecordedV1>(
    RECORDED,
    (e) => eventIds.includes(e.eventId),
    eventIds.length,
  );
  const deadLetters = () =>
    reader
      .on(DLQ)
      .filter(({ headers }) =>
        isAt(inbound.invalid, headers['dlq-original-partition'], headers['dlq-original-offset']),
      );
  await waitFor('the invalid inbound record to be dead-lettered', () => deadLetters().length > 0);

  const lines = output.lines();
  // The capture holds the app's lines, among them the one about the invalid record carrying an email.
  expect(lines.some((line) => line.includes('source created'))).toBe(true);
  expect(
    lines
      .map(parseLine)
      .some(
        (entry) =>
          String(entry['msg']).startsWith('message sent to dead-letter topic') &&
          isAt(inbound.invalid, entry['partition'], entry['offset']),
      ),
  ).toBe(true);
  for (const [place, email] of Object.entries(emails)) {
    const forms = [email.toLowerCase(), encodeURIComponent(email).toLowerCase()];
    const leaks = lines.filter((line) => forms.some((form) => line.toLowerCase().includes(form)));
    expect({ place, leaks }).toEqual({ place, leaks: [] });
  }
  const published = JSON.stringify(recorded).toLowerCase();
  for (const email of Object.values(emails)) expect(published).not.toContain(email.toLowerCase());
  const personalForms = Object.values(person).flatMap((value) => [value, ...value.split(' ')]);
  for (const form of personalForms.filter((part) => part.length >= 6)) {
    expect({ form, published: published.includes(form.toLowerCase()) }).toEqual({ form, published: false });
    const leaks = lines.filter((line) => line.toLowerCase().includes(form.toLowerCase()));
    expect({ form, leaks }).toEqual({ form, leaks: [] });
  }
  for (const { headers } of deadLetters()) {
    expect(headers['dlq-error-message']).toContain('eventId must be a UUID');
    expect(headers['dlq-error-message'].toLowerCase()).not.toContain('mary.jackson');
  }
});
