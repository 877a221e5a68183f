import { randomBytes } from 'node:crypto';
import { type EngagementRecordedV1, type LeadMergedV1, Topics } from '@handoff/contracts';
import { TopicReader } from '@handoff/testing';
import type { IssuedSourceView } from '../sources/source.dto';
import { basicAuth, bearerAuth, type IngestTestApp, startIngestTestApp } from '../testing/ingest-test-app';

const RECORDED = Topics.engagementRecorded.name;
const MERGED = Topics.leadMerged.name;

let ingest: IngestTestApp;
let source: IssuedSourceView;
let reader: TopicReader;

beforeAll(async () => {
  ingest = await startIngestTestApp();
  [source, reader] = await Promise.all([ingest.createSource(), TopicReader.startAtEnd([RECORDED, MERGED])]);
});

afterAll(async () => {
  await Promise.all([reader?.stop(), ingest?.close()]);
});

const segment = (call: 'page' | 'identify', body: object) =>
  ingest.sendAccepted(`/v1/${call}`, basicAuth(source.writeKey), body);
const native = (body: object) => ingest.sendAccepted('/v1/events', bearerAuth(source.writeKey), body);

const mergesInto = (survivingLeadId: string) =>
  reader.values<LeadMergedV1>(MERGED, (merge) => merge.survivingLeadId === survivingLeadId);

it('merges an anonymous visitor into the known lead when identify links them, and publishes one lead.merged.v1', async () => {
  const id = randomBytes(5).toString('hex');
  const anonymousId = `anon-${id}`;
  const email = `grace.${id}@example.com`;

  const pageView = await segment('page', { anonymousId, properties: { path: '/blog/scoring' } });
  const known = await native({ type: 'email_open', identity: { email }, properties: { campaign: 'spring' } });
  expect(known.leadId).not.toBe(pageView.leadId);

  const identify = await segment('identify', { anonymousId, traits: { email, title: 'Head of Growth' } });
  // The known lead survives even though the anonymous one is older.
  expect(identify.leadId).toBe(known.leadId);
  const [identifyRecorded] = await reader.waitForValues<EngagementRecordedV1>(
    RECORDED,
    (e) => e.eventId === identify.eventId,
  );
  expect(identifyRecorded).toMatchObject({ leadId: known.leadId, type: 'profile_update', identity: { anonymousId } });

  const laterPageView = await segment('page', { anonymousId, properties: { path: '/pricing' } });
  expect(laterPageView.leadId).toBe(known.leadId);

  // A second visitor merged into the same lead: its lead.merged.v1 is relayed after the first one, on the
  // same partition, so once it has arrived a second copy of the first would have arrived too.
  const secondVisitor = `anon-${id}-2`;
  const secondPageView = await segment('page', { anonymousId: secondVisitor });
  await segment('identify', { anonymousId: secondVisitor, traits: { email } });
  await reader.waitForValues<LeadMergedV1>(MERGED, (merge) => merge.mergedLeadId === secondPageView.leadId);

  const merges = mergesInto(known.leadId);
  expect(merges.filter((merge) => merge.mergedLeadId === pageView.leadId)).toEqual([
    expect.objectContaining({ survivingLeadId: known.leadId, mergedLeadId: pageView.leadId, reason: 'identify' }),
  ]);
  expect(merges.map((merge) => merge.mergedLeadId)).toEqual([pageView.leadId, secondPageView.leadId]);
});
