import { randomBytes } from 'node:crypto';
import { Analytics } from '@segment/analytics-node';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { decodeEventJson, type EngagementRecordedV1, Topics } from '@handoff/contracts';
import { type IngestStreamsTestBed, startIngestStreamsTestBed } from '../../testing/ingest-test-app';

const RECORDED = Topics.engagementRecorded.name;

let bed: IngestStreamsTestBed;

beforeAll(async () => {
  bed = await startIngestStreamsTestBed([RECORDED]);
});

afterAll(async () => {
  await bed?.close();
});

/** The calls every Segment-spec SDK makes for one person, the same through each. */
interface SegmentSdk {
  identify(message: object, done: (error?: unknown) => void): void;
  track(message: object, done: (error?: unknown) => void): void;
  page(message: object, done: (error?: unknown) => void): void;
  group(message: object, done: (error?: unknown) => void): void;
  alias(message: object, done: (error?: unknown) => void): void;
}

/** Sends one call and resolves with the SDK's verdict once its batch was answered. */
function delivered(send: (done: (error?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => send((error) => (error ? reject(error) : resolve())));
}

/**
 * A visitor browses anonymously, signs up (alias of the anonymous id to the user id), identifies with
 * traits, joins a company (group) and requests a demo: every call delivered, in order.
 */
async function sendJourney(sdk: SegmentSdk, person: { anonymousId: string; userId: string }): Promise<void> {
  const { anonymousId, userId } = person;
  await delivered((done) => sdk.page({ anonymousId, name: 'Pricing', properties: { path: '/pricing' } }, done));
  await delivered((done) => sdk.alias({ previousId: anonymousId, userId }, done));
  await delivered((done) => sdk.identify({ userId, traits: { title: 'CTO', industry: 'Software' } }, done));
  await delivered((done) =>
    sdk.group({ userId, groupId: `acct-${userId}`, traits: { name: 'Acme', employees: 250 } }, done),
  );
  await delivered((done) => sdk.track({ userId, event: 'Demo Requested', properties: { plan: 'pro' } }, done));
}

async function expectJourneyRecorded(person: { anonymousId: string; userId: string }): Promise<void> {
  const ours = (event: EngagementRecordedV1) =>
    event.identity.anonymousId === person.anonymousId || event.identity.userId === person.userId;
  await bed.reader.waitForValues<EngagementRecordedV1>(RECORDED, ours, 4);
  const records = bed.reader.on(RECORDED).map((record) => decodeEventJson(Topics.engagementRecorded, record.value));
  const events = records.filter(ours);

  expect(events.map((event) => event.type)).toEqual([
    'pricing_page_view',
    'profile_update',
    'profile_update',
    'demo_request',
  ]);
  expect(events[2].profile).toMatchObject({ company: 'Acme', employeeCount: 250 });
  // The alias linked the anonymous visitor to the user: one lead throughout.
  expect(new Set(events.slice(1).map((event) => event.leadId)).size).toBe(1);
}

const newPerson = () => {
  const id = randomBytes(5).toString('hex');
  return { anonymousId: `anon-${id}`, userId: `user-${id}` };
};

it('records what the real Segment Node SDK sends (track, identify, page, group, alias)', async () => {
  const { ingest, source } = bed;
  const analytics = new Analytics({ writeKey: source.writeKey, host: ingest.baseUrl, maxEventsInBatch: 1 });
  const person = newPerson();
  try {
    await sendJourney(analytics, person);
  } finally {
    await analytics.closeAndFlush();
  }

  await expectJourneyRecorded(person);
});

it('records what the real RudderStack Node SDK sends: gzipped JSON labelled as form data', async () => {
  const { ingest, source } = bed;
  // Kept in memory (no Redis queue), one event per batch so each call is answered on its own, no retries.
  const rudder = new RudderAnalytics(source.writeKey, {
    dataPlaneUrl: ingest.baseUrl,
    flushAt: 1,
    flushInterval: 100,
    retryCount: 0,
    logLevel: 'error',
  });
  const person = newPerson();

  await sendJourney(rudder as unknown as SegmentSdk, person);

  await expectJourneyRecorded(person);
});
