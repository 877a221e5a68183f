import { randomUUID } from 'node:crypto';
import { type EngagementRecordedV1, exampleEvents, Topics } from '@handoff/contracts';
import type { ActivityType } from '@handoff/shared-vocabulary';
import {
  CONTENT_TYPE_HEADER,
  EVENT_ID_HEADER,
  JSON_CONTENT_TYPE,
  SCHEMA_VERSION_HEADER,
} from '@handoff/platform-kafka';
import { CORRELATION_ID_HEADER } from '@handoff/platform-observability';
import { Kafka, logLevel, Partitioners } from 'kafkajs';

const DAY_MS = 86_400_000;
/** A lead's events spread over the last few days: little decay, but not all at the same instant. */
const HISTORY_DAYS = 3;
const MESSAGES_PER_SEND = 2_000;
const ALL_IN_SYNC_REPLICAS = -1;

/** Profiles by fit: A (senior buyer at a mid-size software company), B (same company, junior), D (tiny, free mail). */
const PROFILES = [
  { share: 0.5, profile: { industry: 'software', employeeCount: 250, seniority: 'director', country: 'DE' } },
  { share: 0.25, profile: { industry: 'software', employeeCount: 250, seniority: 'individual_contributor' } },
  { share: 0.25, profile: { industry: 'retail', employeeCount: 5, emailDomain: 'gmail.com', country: 'BR' } },
] as const;

/** Everyday activity, weighted; the model scores most of it, some (opens, usage) on purpose not. */
const EVERYDAY: readonly (readonly [ActivityType, number, string?])[] = [
  ['page_view', 20, 'https://example.com/blog/lead-scoring'],
  ['page_view', 10, 'https://example.com/pricing'],
  ['email_open', 15],
  ['email_click', 15],
  ['pricing_page_view', 10],
  ['content_download', 10],
  ['webinar_registered', 6],
  ['webinar_attended', 5],
  ['product_usage', 7],
  ['unsubscribe', 1],
  ['email_bounce', 1],
];
/** Share of leads that also request a demo and start a trial: with a fit of B or better they qualify. */
const HOT_SHARE = 0.3;

/** N valid engagement.recorded.v1 events for fresh leads, interleaved across leads as a live stream would be. */
export function scoringEvents(count: number, leadCount: number, now = Date.now()): EngagementRecordedV1[] {
  const journeys = Array.from({ length: leadCount }, (_, index) =>
    journeyOf(Math.floor(count / leadCount) + (index < count % leadCount ? 1 : 0), now),
  );
  const events: EngagementRecordedV1[] = [];
  for (let step = 0; events.length < count; step++)
    for (const journey of journeys) if (step < journey.length) events.push(journey[step]);
  return events;
}

function journeyOf(length: number, now: number): EngagementRecordedV1[] {
  const leadId = randomUUID();
  const identity = { anonymousId: `anon-${leadId.slice(0, 8)}` };
  const fit = pick(PROFILES.map(({ share, profile }) => [profile, share] as const));
  const activities: [ActivityType, string?][] = [['profile_update']];
  if (Math.random() < HOT_SHARE) activities.push(['demo_request'], ['trial_signup']);
  while (activities.length < length) activities.push(pickActivity());
  const start = now - HISTORY_DAYS * DAY_MS;
  const step = (HISTORY_DAYS * DAY_MS) / length;
  return shuffledAfterFirst(activities.slice(0, length)).map(([type, url], index) => {
    const occurredAt = new Date(start + index * step + Math.random() * step).toISOString();
    return exampleEvents.engagementRecorded({
      leadId,
      sourceId: 'bench-scoring',
      type,
      properties: url ? { url } : {},
      ...(type === 'profile_update' ? { profile: { ...fit } } : {}),
      identity,
      occurredAt,
      receivedAt: occurredAt,
    });
  });
}

function pickActivity(): [ActivityType, string?] {
  const [type, , url] = pick(EVERYDAY.map((entry) => [entry, entry[1]] as const));
  return [type, url];
}

function pick<T>(weighted: readonly (readonly [T, number])[]): T {
  let roll = Math.random() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weighted) if ((roll -= weight) < 0) return value;
  return weighted[weighted.length - 1][0];
}

/** The profile comes first (fit is known before the behaviour), the rest in random order. */
function shuffledAfterFirst<T>(items: T[]): T[] {
  for (let index = items.length - 1; index > 1; index--) {
    const other = 1 + Math.floor(Math.random() * index);
    [items[index], items[other]] = [items[other], items[index]];
  }
  return items;
}

/** Produces the events to the real engagement.recorded.v1, keyed and with the headers ingest's producer sets. */
export async function produceEngagements(brokers: string[], events: readonly EngagementRecordedV1[]): Promise<void> {
  const producer = new Kafka({ clientId: 'bench-scoring-producer', brokers, logLevel: logLevel.WARN }).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    for (let start = 0; start < events.length; start += MESSAGES_PER_SEND) {
      await producer.send({
        topic: Topics.engagementRecorded.name,
        acks: ALL_IN_SYNC_REPLICAS,
        messages: events.slice(start, start + MESSAGES_PER_SEND).map((event) => ({
          key: Topics.engagementRecorded.keyOf(event),
          value: JSON.stringify(event),
          headers: {
            [CORRELATION_ID_HEADER]: event.correlationId,
            [EVENT_ID_HEADER]: event.eventId,
            [SCHEMA_VERSION_HEADER]: '1',
            [CONTENT_TYPE_HEADER]: JSON_CONTENT_TYPE,
          },
        })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}
