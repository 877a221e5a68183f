import { randomBytes, randomUUID } from 'node:crypto';
import {
  type EngagementInboundV1,
  type EngagementRecordedV1,
  Topics,
  dlqNameOf,
  encodeEvent,
} from '@handoff/contracts';
import { type ReadRecord, TopicReader, TopicWriter, type WrittenRecord, waitFor } from '@handoff/testing';
import type { IssuedSourceView } from '../sources/source.dto';
import {
  bearerAuth,
  type IngestTestApp,
  startIngestStreamsTestBed,
  type IngestStreamsTestBed,
} from '../testing/ingest-test-app';
import { KAFKA_SOURCE_ID } from './inbound-engagement.consumer';
import type { BatchResponseBody } from './ingestion-result';
import { eventIdOf } from './recorded-event.factory';

const INBOUND = Topics.engagementInbound.name;
const DLQ = dlqNameOf(INBOUND);
const RECORDED = Topics.engagementRecorded.name;

let bed: IngestStreamsTestBed | undefined;
let ingest: IngestTestApp;
let source: IssuedSourceView;
let reader: TopicReader;
let writer: TopicWriter;

beforeAll(async () => {
  bed = await startIngestStreamsTestBed([DLQ, RECORDED]);
  ({ ingest, source, reader, writer } = bed);
});

afterAll(async () => {
  await bed?.close();
});

function inboundEvent(anonymousId: string): EngagementInboundV1 {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    correlationId: randomUUID(),
    type: 'email_open',
    identity: { anonymousId },
    properties: { campaign: 'spring' },
  };
}

/**
 * Dead letters of one inbound record. Every ingest instance consuming the topic dead-letters it (this
 * test's and any other on the broker), each copy with the same original position and reason.
 */
async function deadLettersOf(written: WrittenRecord): Promise<ReadRecord[]> {
  const matches = () =>
    reader
      .on(DLQ)
      .filter(
        ({ headers }) =>
          headers['dlq-original-partition'] === String(written.partition) &&
          headers['dlq-original-offset'] === written.offset,
      );
  await waitFor(`the dead letter of ${INBOUND}[${written.partition}]@${written.offset}`, () => matches().length > 0);
  return matches();
}

it('dead-letters invalid inbound records with their reason and keeps recording the valid ones after them', async () => {
  // One key for all three: one partition, so the valid record is consumed after both bad ones.
  const anonymousId = `anon-${randomBytes(5).toString('hex')}`;
  const { leadId } = await resolveLead(anonymousId);
  const badJson = `{"eventId":"${randomUUID()}","type":"page_view",`;
  const violation = { ...inboundEvent(anonymousId), type: 'teleported', identity: {} };
  const valid = inboundEvent(anonymousId);

  const writtenBadJson = await writer.write(INBOUND, { key: anonymousId, value: badJson });
  const writtenViolation = await writer.write(INBOUND, { key: anonymousId, value: JSON.stringify(violation) });
  await writer.write(INBOUND, encodeEvent(Topics.engagementInbound, valid));

  const [recorded] = await reader.waitForValues<EngagementRecordedV1>(
    RECORDED,
    (e) => e.eventId === eventIdOf(KAFKA_SOURCE_ID, valid.eventId) && e.leadId === leadId,
  );
  expect(recorded).toMatchObject({ type: 'email_open', identity: { anonymousId } });

  for (const deadLetter of await deadLettersOf(writtenBadJson)) {
    expect(deadLetter.key).toBe(anonymousId);
    expect(deadLetter.value).toBe(badJson);
    expect(deadLetter.headers).toMatchObject({
      'dlq-original-topic': INBOUND,
      'dlq-error-class': 'poison/ContractViolationError',
      'dlq-error-message': `${INBOUND} violates its contract: (body): body is not valid JSON (syntax error at position ${badJson.length})`,
    });
  }
  for (const deadLetter of await deadLettersOf(writtenViolation)) {
    expect(deadLetter.value).toBe(JSON.stringify(violation));
    expect(deadLetter.headers).toMatchObject({
      'dlq-original-topic': INBOUND,
      'dlq-error-class': 'poison/ContractViolationError',
    });
    const reason = deadLetter.headers['dlq-error-message'];
    expect(reason).toContain(`${INBOUND} violates its contract`);
    expect(reason).toContain('type: type must be one of the following values');
    expect(reason).toContain('identity: identity must contain at least one of anonymousId, userId, email');
  }
});

it('dead-letters inbound records of an unknown or revoked source with the reason and records the next one', async () => {
  const anonymousId = `anon-${randomBytes(5).toString('hex')}`;
  const { leadId } = await resolveLead(anonymousId);
  const revoked = await ingest.createSource({ name: 'revoked inbound source' });
  await ingest.revokeSource(revoked.id);
  const ofUnknown = { ...inboundEvent(anonymousId), sourceId: randomUUID() };
  const ofRevoked = { ...inboundEvent(anonymousId), sourceId: revoked.id };
  const valid = { ...inboundEvent(anonymousId), sourceId: source.id };

  const writtenUnknown = await writer.write(INBOUND, encodeEvent(Topics.engagementInbound, ofUnknown));
  const writtenRevoked = await writer.write(INBOUND, encodeEvent(Topics.engagementInbound, ofRevoked));
  await writer.write(INBOUND, encodeEvent(Topics.engagementInbound, valid));

  await reader.waitForValues<EngagementRecordedV1>(
    RECORDED,
    (e) => e.eventId === eventIdOf(source.id, valid.eventId) && e.leadId === leadId,
  );
  const recordedFromRefused = reader
    .on(RECORDED)
    .filter(({ value }) => [ofUnknown.sourceId, ofRevoked.sourceId].some((id) => value?.includes(id)));
  expect(recordedFromRefused).toEqual([]);
  for (const deadLetter of await deadLettersOf(writtenUnknown)) {
    expect(deadLetter.headers).toMatchObject({
      'dlq-error-class': 'poison/PoisonMessageError',
      'dlq-error-message': `sourceId ${ofUnknown.sourceId} is not a registered source`,
    });
  }
  // Other ingest instances on the broker have their own sources table, where this source is unknown.
  await waitFor("this instance's dead letter of the revoked source's record", async () => {
    const reasons = (await deadLettersOf(writtenRevoked)).map(({ headers }) => headers['dlq-error-message']);
    return reasons.includes(`sourceId ${revoked.id} is a revoked source`);
  });
});

/** The lead this app gives an anonymous id, so its records can be told from other instances'. */
async function resolveLead(anonymousId: string): Promise<{ leadId: string }> {
  const response = await ingest.request('POST', '/v1/events', {
    headers: bearerAuth(source.writeKey),
    body: { messageId: randomUUID(), type: 'page_view', identity: { anonymousId } },
  });
  const [result] = (response.body as BatchResponseBody).results;
  if (result.status !== 'accepted') throw new Error(`page view answered ${JSON.stringify(response.body)}`);
  return result;
}
