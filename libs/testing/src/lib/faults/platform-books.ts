import { type EngagementRecordedV1, type LeadQualifiedV2, type LeadRoutedV1, Topics } from '@handoff/contracts';
import { Client } from 'pg';
import { endOffsetsOf } from '../consumer-groups';
import { TopicReader } from '../topic-reader';
import { waitFor } from '../wait-for';
import type { PlatformBooks } from './books-reconciliation';

const TOPICS = [Topics.engagementRecorded.name, Topics.leadQualifiedV2.name, Topics.leadRouted.name];

/**
 * Reads the books from a broker only this run used (every record of its topics, from the beginning) and from
 * scoring's schema: the event ids its inbox claimed, and any award it wrote twice for the same event and rule.
 */
export async function readPlatformBooks(
  brokers: string[],
  databaseUrl: string,
  scoringSchema: string,
): Promise<PlatformBooks> {
  const [topics, scoring] = await Promise.all([readTopics(brokers), readScoring(databaseUrl, scoringSchema)]);
  return { ...topics, ...scoring };
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
