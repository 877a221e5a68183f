import { randomBytes, randomUUID } from 'node:crypto';
import { type EngagementInboundV1, type EngagementRecordedV1, Topics, encodeEvent } from '@handoff/contracts';
import { emailHash } from '@handoff/domain-identity';
import { TopicReader, TopicWriter } from '@handoff/testing';
import type { IssuedSourceView } from '../sources/source.dto';
import {
  basicAuth,
  bearerAuth,
  type IngestTestApp,
  startIngestStreamsTestBed,
  type IngestStreamsTestBed,
} from '../testing/ingest-test-app';
import { KAFKA_SOURCE_ID } from './inbound-engagement.consumer';
import type { BatchResponseBody } from './ingestion-result';
import { eventIdOf } from './recorded-event.factory';

const RECORDED = Topics.engagementRecorded.name;

let bed: IngestStreamsTestBed | undefined;
let ingest: IngestTestApp;
let source: IssuedSourceView;
let reader: TopicReader;
let writer: TopicWriter;

beforeAll(async () => {
  bed = await startIngestStreamsTestBed([RECORDED]);
  ({ ingest, source, reader, writer } = bed);
});

afterAll(async () => {
  await bed?.close();
});

/** A person no other test (or test run) knows. */
function newPerson() {
  const id = randomBytes(5).toString('hex');
  return {
    userId: `user-${id}`,
    email: `Ada.Lovelace.${id}@Example.com`,
    normalisedEmail: `ada.lovelace.${id}@example.com`,
  };
}

function inboundEvent(
  fields: Partial<EngagementInboundV1> & Pick<EngagementInboundV1, 'identity'>,
): EngagementInboundV1 {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    correlationId: randomUUID(),
    type: 'webinar_attended',
    properties: {},
    ...fields,
  };
}

async function produceInbound(event: EngagementInboundV1): Promise<void> {
  const { key, value } = encodeEvent(Topics.engagementInbound, event);
  await writer.write(Topics.engagementInbound.name, { key, value });
}

async function post(path: string, headers: Record<string, string>, body: unknown) {
  const response = await ingest.request('POST', path, { headers, body });
  return { status: response.status, body: response.body as BatchResponseBody };
}

/** The one result of a single-event answer, which must be an accepted event. */
function acceptedOf(response: { status: number; body: BatchResponseBody }): { eventId: string; leadId: string } {
  expect(response.status).toBe(200);
  const [result] = response.body.results;
  if (result.status !== 'accepted') throw new Error(`expected an accepted event, got ${JSON.stringify(result)}`);
  return result;
}

/**
 * Records of one of this app's leads: any other ingest instance on the broker records the inbound
 * events too, under leads of its own.
 */
const recorded = (eventId: string, leadId: string) =>
  reader.values<EngagementRecordedV1>(RECORDED, (e) => e.eventId === eventId && e.leadId === leadId);

/**
 * Waits for a marker produced after everything else under the same inbound key: it is consumed after the
 * earlier inbound records and recorded on the same partition (same lead) after them and after every
 * earlier HTTP event of the lead, so once it has arrived any second copy of those would have arrived too.
 */
async function settle(identity: EngagementInboundV1['identity'], leadId: string): Promise<void> {
  const marker = inboundEvent({ identity, type: 'product_usage' });
  await produceInbound(marker);
  await reader.waitForValues<EngagementRecordedV1>(
    RECORDED,
    (e) => e.eventId === eventIdOf(KAFKA_SOURCE_ID, marker.eventId) && e.leadId === leadId,
  );
}

it('records a track call from each API (native, Segment, Kafka inbound) once, under one lead per person, with no clear email', async () => {
  const person = newPerson();
  const native = await post('/v1/events', bearerAuth(source.writeKey), {
    messageId: randomUUID(),
    type: 'form_submit',
    identity: { userId: person.userId, email: person.email },
    properties: { formId: 'contact-us', submittedEmail: person.email },
    profile: { email: person.email, title: 'CTO' },
  });
  const segment = await post('/v1/track', basicAuth(source.writeKey), {
    messageId: randomUUID(),
    userId: person.userId,
    event: 'Demo Requested',
    properties: { plan: 'enterprise' },
  });
  const inbound = inboundEvent({ identity: { email: person.email.toUpperCase() }, profile: { email: person.email } });
  await produceInbound(inbound);

  const { leadId, eventId: nativeEventId } = acceptedOf(native);
  const eventIds = [nativeEventId, acceptedOf(segment).eventId, eventIdOf(KAFKA_SOURCE_ID, inbound.eventId)];
  await settle(inbound.identity, leadId);

  const [fromNative, fromSegment, fromKafka] = eventIds.map((eventId) => {
    const records = recorded(eventId, leadId);
    expect(records).toHaveLength(1);
    return records[0];
  });
  expect(fromNative).toMatchObject({
    leadId,
    sourceId: source.id,
    type: 'form_submit',
    identity: { userId: person.userId, emailHash: emailHash(person.normalisedEmail) },
    profile: { title: 'CTO', emailDomain: 'example.com' },
  });
  expect(fromSegment).toMatchObject({
    leadId,
    sourceId: source.id,
    type: 'demo_request',
    identity: { userId: person.userId },
    properties: { plan: 'enterprise' },
  });
  expect(fromKafka).toMatchObject({
    leadId,
    sourceId: KAFKA_SOURCE_ID,
    type: 'webinar_attended',
    identity: { emailHash: emailHash(person.normalisedEmail) },
    profile: { emailDomain: 'example.com' },
  });
  const published = JSON.stringify([fromNative, fromSegment, fromKafka]).toLowerCase();
  expect(published).not.toContain(person.normalisedEmail);
  expect(published).not.toContain('"email"');
});

it('records a retried HTTP message once and answers the retry 200 with status duplicate (native and Segment)', async () => {
  const person = newPerson();
  const nativeEvent = { messageId: randomUUID(), type: 'email_click', identity: { userId: person.userId } };
  const segmentCall = { messageId: randomUUID(), userId: person.userId, event: 'Email Opened' };

  const nativeFirst = await post('/v1/events', bearerAuth(source.writeKey), nativeEvent);
  const nativeRetry = await post('/v1/events', bearerAuth(source.writeKey), nativeEvent);
  const segmentFirst = await post('/v1/track', basicAuth(source.writeKey), segmentCall);
  const segmentRetry = await post('/v1/track', basicAuth(source.writeKey), segmentCall);

  const nativeAccepted = acceptedOf(nativeFirst);
  const segmentAccepted = acceptedOf(segmentFirst);
  for (const [accepted, retry] of [
    [nativeAccepted, nativeRetry],
    [segmentAccepted, segmentRetry],
  ] as const) {
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({
      accepted: 0,
      duplicates: 1,
      rejected: 0,
      retry: 0,
      results: [{ index: 0, status: 'duplicate', eventId: accepted.eventId }],
    });
  }
  await settle({ userId: person.userId }, nativeAccepted.leadId);
  expect(recorded(nativeAccepted.eventId, nativeAccepted.leadId)).toHaveLength(1);
  expect(recorded(segmentAccepted.eventId, segmentAccepted.leadId)).toHaveLength(1);
});

it('records a message repeated within one batch once and answers the repeat as a duplicate', async () => {
  const person = newPerson();
  const event = { messageId: randomUUID(), type: 'webinar_registered', identity: { userId: person.userId } };
  const response = await post('/v1/events', bearerAuth(source.writeKey), { batch: [event, event] });

  expect(response.status).toBe(200);
  const [first, repeat] = response.body.results;
  if (first.status !== 'accepted') throw new Error(`expected the first copy accepted, got ${JSON.stringify(first)}`);
  expect(repeat).toEqual({ index: 1, status: 'duplicate', eventId: first.eventId });
  await settle({ userId: person.userId }, first.leadId);
  expect(recorded(first.eventId, first.leadId)).toHaveLength(1);
});

it('records an inbound Kafka record produced twice once', async () => {
  const person = newPerson();
  const { leadId } = acceptedOf(
    await post('/v1/events', bearerAuth(source.writeKey), {
      messageId: randomUUID(),
      type: 'page_view',
      identity: { userId: person.userId },
    }),
  );
  const event = inboundEvent({ identity: { userId: person.userId }, type: 'content_download' });
  await produceInbound(event);
  await produceInbound(event);
  await settle(event.identity, leadId);

  const records = recorded(eventIdOf(KAFKA_SOURCE_ID, event.eventId), leadId);
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ type: 'content_download', identity: { userId: person.userId } });
});
