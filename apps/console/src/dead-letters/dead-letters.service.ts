import { Injectable } from '@nestjs/common';
import type { DeadLetterCount, DeadLetterPage, DeadLetterView } from '@handoff/console-api';
import { DEAD_LETTER_TOPICS } from '@handoff/contracts';
import {
  type DeadLetter,
  type DeadLetterReader,
  EventProducer,
  KafkaClientFactory,
  positionOf,
  selectDeadLetters,
} from '@handoff/platform-kafka';
import { maskPersonalText } from '@handoff/platform-observability';
import { DomainError } from '@handoff/shared-errors';

/** What the page shows of a record's value: enough to recognise it, not a whole payload. */
export const MAX_VALUE_BYTES = 4 * 1024;
const DEFAULT_PAGE = 100;

/** The `.dlq` topics, read with platform-kafka's dead-letter reader (as `npm run dlq` reads them) and replayed. */
@Injectable()
export class DeadLettersService {
  private readonly reader: DeadLetterReader;

  constructor(client: KafkaClientFactory, producer: EventProducer) {
    this.reader = client.createDeadLetterReader(producer);
  }

  async counts(): Promise<DeadLetterCount[]> {
    const counts = await this.fromKafka(() => this.reader.count(DEAD_LETTER_TOPICS.map(({ name }) => name)));
    return DEAD_LETTER_TOPICS.map(({ name, source }) => ({
      topic: name,
      sourceTopic: source,
      records: counts.get(name) ?? 0,
    }));
  }

  async page(topic: string, limit = DEFAULT_PAGE): Promise<DeadLetterPage> {
    const letters = await this.fromKafka(() => this.reader.read(topic));
    const newestFirst = [...letters].sort((a, b) => b.failedAt.localeCompare(a.failedAt));
    return { topic, records: newestFirst.slice(0, limit).map(viewOf) };
  }

  /** All or nothing: every position must name a dead letter of the topic that names its original topic. */
  async replay(topic: string, positions: readonly string[]): Promise<number> {
    const chosen = selectDeadLetters(await this.fromKafka(() => this.reader.read(topic)), { positions });
    const found = new Set(chosen.map(positionOf));
    const missing = positions.filter((position) => !found.has(position));
    if (missing.length > 0) {
      throw new DomainError('not-found', `no dead letter of ${topic} at ${missing.join(', ')}`, {
        details: [{ field: 'positions', reasons: missing.map((position) => `${position} is not in ${topic}`) }],
      });
    }
    const orphans = chosen.filter((letter) => !letter.originalTopic).map(positionOf);
    if (orphans.length > 0)
      throw new DomainError('invalid', `dead letters name no original topic: ${orphans.join(', ')}`);
    return this.fromKafka(() => this.reader.replay(chosen));
  }

  private async fromKafka<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new DomainError('unavailable', 'Kafka did not answer; try again', { cause: error });
    }
  }
}

function viewOf(letter: DeadLetter): DeadLetterView {
  const { record } = letter;
  return {
    position: positionOf(letter),
    sourceTopic: letter.originalTopic,
    sourcePartition: Number(letter.originalPartition),
    sourceOffset: letter.originalOffset,
    key: record.key?.toString() ?? null,
    errorClass: letter.errorClass,
    errorMessage: letter.errorMessage,
    attempts: Number(letter.attempts),
    failedAt: letter.failedAt,
    // Viewers read dead letters too: an email or phone number in a payload is shown as its digest token.
    value: record.value === null ? null : maskPersonalText(record.value.subarray(0, MAX_VALUE_BYTES).toString('utf8')),
  };
}
