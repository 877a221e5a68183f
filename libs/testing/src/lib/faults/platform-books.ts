import { type EngagementRecordedV1, type LeadQualifiedV2, type LeadRoutedV1, Topics } from '@handoff/contracts';
import { Client } from 'pg';
import { endOffsetsOf } from '../consumer-groups';
import { TopicReader } from '../topic-reader';
import { waitFor } from '../wait-for';
import type { PlatformBooks } from './books-reconciliation';

const TOPICS = [Topics.engagementRecorded.name, Topics.leadQualifiedV2.name, Topics.leadRouted.name];

/** Where one session's books are: its ingest source and the schemas of its scoring and quota. */
export interface SessionBooks {
  sourceId: string;
  scoringSchema: string;
  quotaSchema: string;
}

/**
 * Reads the books from a broker only this run used (every record of its topics, from the beginning, kept when it
 * belongs to the session's source or to a lead it recorded), from scoring's schema (the event ids its inbox
 * claimed, any award written twice for the same event and rule) and from quota's deal book (won revenue).
 */
export async function readPlatformBooks(
  brokers: string[],
  databaseUrl: string,
  session: SessionBooks,
): Promise<PlatformBooks> {
  const [topics, scoring, wonRevenueCents] = await Promise.all([
    readTopics(brokers),
    readScoring(databaseUrl, session.scoringSchema),
    readWonRevenue(databaseUrl, session.quotaSchema),
  ]);
  const recorded = topics.recorded.filter((event) => event.sourceId === session.sourceId);
  const leads = new Set(recorded.map((event) => event.leadId));
  return {
    recorded,
    qualified: topics.qualified.filter((event) => leads.has(event.leadId)),
    routed: topics.routed.filter((event) => leads.has(event.leadId)),
    ...scoring,
    wonRevenueCents,
  };
}

async function readTopics(brokers: string[]): Promise<Pick<PlatformBooks, 'recorded' | 'qualified' | 'routed'>> {
  // A fresh broker with idempotent (not transactional) producers: a partition's end offset is its record count.
  const ends = await endOffsetsOf(brokers, TOPICS);
  const total = [...ends.values()].flat().reduce((sum, { offset }) => sum + Number(offset), 0);
  const reader = await TopicReader.start(TOPICS.filter((topic) => ends.has(topic)));
  try {
    const read = () => TOPICS.reduce((sum, topic) => sum + distinctPositions(reader, topic), 0);
    await waitFor(`all ${total} records of ${TOPICS.join(', ')}`, () => read() >= total, { timeoutMs: 120_000 });
    return {
      recorded: reader.values<EngagementRecordedV1>(Topics.engagementRecorded.name),
      qualified: reader.values<LeadQualifiedV2>(Topics.leadQualifiedV2.name),
      routed: reader.values<LeadRoutedV1>(Topics.leadRouted.name),
    };
  } finally {
    await reader.stop();
  }
}

function distinctPositions(reader: TopicReader, topic: string): number {
  return new Set(reader.on(topic).map((record) => `${record.partition}:${record.offset}`)).size;
}

async function readWonRevenue(databaseUrl: string, schema: string): Promise<Map<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const won = await client.query<{ pair: string; cents: string }>(
      `SELECT rep_id || ' ' || currency AS pair, round(sum(amount) * 100) AS cents
         FROM "${schema}".deals WHERE status = 'won' AND rep_id IS NOT NULL GROUP BY rep_id, currency`,
    );
    return new Map(won.rows.map((row) => [row.pair, Number(row.cents)]));
  } finally {
    await client.end();
  }
}

async function readScoring(
  databaseUrl: string,
  schema: string,
): Promise<Pick<PlatformBooks, 'appliedByScoring' | 'duplicatedAwards'>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const inbox = await client.query<{ event_id: string }>(
      `SELECT event_id FROM "${schema}".inbox WHERE consumer = 'scoring'`,
    );
    const twice = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM "${schema}".score_ledger WHERE kind = 'awarded'
         GROUP BY cause_event_id, rule_id HAVING count(*) > 1) AS awarded_twice`,
    );
    return {
      appliedByScoring: new Set(inbox.rows.map((row) => row.event_id)),
      duplicatedAwards: Number(twice.rows[0].n),
    };
  } finally {
    await client.end();
  }
}
