import { Logger } from '@nestjs/common';
import { CORRELATION_ID_HEADER, CorrelationContext } from '@handoff/platform-observability';
import { Registry } from 'prom-client';
import { testEvent, testTopic, type TestEvent } from '../testing/test-event.fixture';
import { DLQ_HEADERS } from './dead-letter';
import { PoisonMessageError } from './error-classification';
import { KafkaMetrics } from './kafka.metrics';
import type { ConsumedMessage, FetchedMessage, RawRecord, RecordHeaders } from './kafka-record';
import { chunksOf, PartitionProcessor, type PartitionControl } from './partition-processor';
import { onTopic } from './topic-subscription';

const topic = testTopic('unit.processor.v1');

function fetched(offset: number, value: TestEvent | string): FetchedMessage {
  const bytes = typeof value === 'string' ? value : JSON.stringify(value);
  const correlation: RecordHeaders = typeof value === 'string' ? {} : { [CORRELATION_ID_HEADER]: value.correlationId };
  return {
    topic: topic.name,
    partition: 0,
    offset: String(offset),
    key: Buffer.from('k'),
    value: Buffer.from(bytes),
    headers: correlation,
  };
}

function control(overrides: Partial<PartitionControl> = {}) {
  const commits: string[] = [];
  const fake: PartitionControl = {
    isRunning: () => true,
    heartbeat: jest.fn(async () => undefined),
    commit: async (lastOffset) => void commits.push(lastOffset),
    ...overrides,
  };
  return { fake, commits };
}

function setup(
  handle: (messages: ConsumedMessage<TestEvent>[]) => Promise<void>,
  chunkSize = 100,
  budget: { retryBudgetMs?: number; now?: () => number } = {},
) {
  const deadLetters: RawRecord[] = [];
  const metrics = new KafkaMetrics(new Registry());
  const processor = new PartitionProcessor(
    onTopic(topic, handle),
    async (records) => void deadLetters.push(...records),
    metrics,
    {
      chunkSize,
      backoff: { initialMs: 1, maxMs: 2, jitter: 0 },
      waitSliceMs: 1,
      retryBudgetMs: budget.retryBudgetMs ?? 60_000,
      now: budget.now,
    },
  );
  const batch = (messages: FetchedMessage[]) => ({
    topic: topic.name,
    partition: 0,
    highWatermark: '10',
    messages,
  });
  return { processor, deadLetters, metrics, batch };
}

function fakeClock() {
  let millis = 0;
  return { now: () => millis, advance: (ms: number) => void (millis += ms) };
}

/** The shape TypeORM's QueryFailedError takes: the driver's SQLSTATE copied onto it as `code`. */
function sqlError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'QueryFailedError', code, driverError: { code, message } });
}

async function deadLetteredCount(metrics: KafkaMetrics, reason: string): Promise<number> {
  const values = (await metrics.deadLettered.get()).values;
  return values.find((v) => v.labels.reason === reason)?.value ?? 0;
}

const sequences = (messages: ConsumedMessage<TestEvent>[]) => messages.map((m) => m.value.sequence);

describe('PartitionProcessor', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('hands chunks of the configured size to the handler in offset order and commits after each', async () => {
    const seen: number[][] = [];
    const { processor, batch } = setup(async (messages) => void seen.push(sequences(messages)), 2);
    const { fake, commits } = control();

    await processor.process(batch([0, 1, 2, 3, 4].map((i) => fetched(i, testEvent('a', i)))), fake);

    expect(seen).toEqual([[0, 1], [2, 3], [4]]);
    expect(commits).toEqual(['1', '3', '4']);
  });

  it('dead-letters a message that does not decode and hands the rest of the chunk to the handler', async () => {
    const seen: number[][] = [];
    const { processor, deadLetters, batch } = setup(async (messages) => void seen.push(sequences(messages)));
    const { fake, commits } = control();

    await processor.process(
      batch([fetched(0, testEvent('a', 0)), fetched(1, '{oops'), fetched(2, testEvent('a', 2))]),
      fake,
    );

    expect(seen).toEqual([[0, 2]]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].headers).toMatchObject({
      [DLQ_HEADERS.originalOffset]: '1',
      [DLQ_HEADERS.errorClass]: 'poison/ContractViolationError',
      [DLQ_HEADERS.attempts]: '1',
    });
    expect(commits).toEqual(['2']);
  });

  it('isolates a poison message by re-running the chunk one message at a time', async () => {
    const calls: number[][] = [];
    const { processor, deadLetters, metrics, batch } = setup(async (messages) => {
      calls.push(sequences(messages));
      if (messages.some((m) => m.value.sequence === 1)) throw new PoisonMessageError('sequence 1 is cursed');
    });
    const { fake, commits } = control();

    await processor.process(batch([0, 1, 2].map((i) => fetched(i, testEvent('a', i)))), fake);

    expect(calls).toEqual([[0, 1, 2], [0], [1], [2]]);
    expect(deadLetters.map((r) => r.headers[DLQ_HEADERS.originalOffset])).toEqual(['1']);
    expect(deadLetters[0].headers[DLQ_HEADERS.attempts]).toBe('2');
    expect(commits).toEqual(['2']);
    expect((await metrics.consumed.get()).values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          labels: { topic: topic.name, result: 'ok' },
          value: 2,
        }),
        expect.objectContaining({
          labels: { topic: topic.name, result: 'dlq' },
          value: 1,
        }),
      ]),
    );
  });

  it('dead-letters a record PostgreSQL rejects with a data exception at once, and applies its neighbours', async () => {
    const applied: number[] = [];
    const { processor, deadLetters, metrics, batch } = setup(async (messages) => {
      if (messages.some((m) => m.value.sequence === 1)) throw sqlError('22P05', 'unsupported Unicode escape sequence');
      applied.push(...sequences(messages));
    });
    const { fake, commits } = control();

    await processor.process(batch([0, 1, 2].map((i) => fetched(i, testEvent('a', i)))), fake);

    expect(applied).toEqual([0, 2]);
    expect(deadLetters[0].headers).toMatchObject({
      [DLQ_HEADERS.originalOffset]: '1',
      [DLQ_HEADERS.errorClass]: 'poison/QueryFailedError',
      [DLQ_HEADERS.attempts]: '2',
    });
    expect(commits).toEqual(['2']);
    expect(await deadLetteredCount(metrics, 'poison')).toBe(1);
  });

  it('retries a transient failure in place past the retry budget, never dead-lettering it', async () => {
    const clock = fakeClock();
    let failures = 5;
    const { processor, deadLetters, batch } = setup(
      async () => {
        clock.advance(60_000);
        if (failures-- > 0)
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
      100,
      { retryBudgetMs: 30_000, now: clock.now },
    );
    const { fake, commits } = control();

    await processor.process(batch([fetched(0, testEvent('a', 0))]), fake);

    expect(deadLetters).toEqual([]);
    expect(commits).toEqual(['0']);
  });

  it('retries an unclassified failure within the budget, so a 30 s outage with odd errors loses nothing', async () => {
    const clock = fakeClock();
    let failures = 3;
    const { processor, deadLetters, batch } = setup(
      async () => {
        clock.advance(10_000);
        if (failures-- > 0) throw new Error('something nobody classified');
      },
      100,
      { retryBudgetMs: 5 * 60_000, now: clock.now },
    );
    const { fake, commits } = control();

    await processor.process(batch([fetched(0, testEvent('a', 0))]), fake);

    expect(deadLetters).toEqual([]);
    expect(commits).toEqual(['0']);
  });

  it('dead-letters an unclassified failure loudly once it outlasted the retry budget, and moves on', async () => {
    const clock = fakeClock();
    const applied: number[] = [];
    const { processor, deadLetters, metrics, batch } = setup(
      async (messages) => {
        clock.advance(20_000);
        if (messages.some((m) => m.value.sequence === 0)) throw new Error('something nobody classified');
        applied.push(...sequences(messages));
      },
      1,
      { retryBudgetMs: 60_000, now: clock.now },
    );
    const { fake, commits } = control();

    await processor.process(batch([fetched(0, testEvent('a', 0)), fetched(1, testEvent('a', 1))]), fake);

    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].headers).toMatchObject({
      [DLQ_HEADERS.originalOffset]: '0',
      [DLQ_HEADERS.errorClass]: 'unclassified/Error',
      [DLQ_HEADERS.attempts]: '4',
    });
    expect(applied).toEqual([1]);
    expect(commits).toEqual(['0', '1']);
    expect(await deadLetteredCount(metrics, 'retry-budget-exhausted')).toBe(1);
  });

  it('gives each message of a chunk that spent the budget one more try, not a budget of its own', async () => {
    const clock = fakeClock();
    const calls: number[][] = [];
    const { processor, deadLetters, batch } = setup(
      async (messages) => {
        calls.push(sequences(messages));
        clock.advance(40_000);
        if (messages.some((m) => m.value.sequence === 1)) throw new Error('something nobody classified');
      },
      100,
      { retryBudgetMs: 60_000, now: clock.now },
    );
    const { fake, commits } = control();

    await processor.process(batch([0, 1, 2].map((i) => fetched(i, testEvent('a', i)))), fake);

    expect(calls).toEqual([[0, 1, 2], [0, 1, 2], [0, 1, 2], [0], [1], [2]]);
    expect(deadLetters.map((r) => r.headers[DLQ_HEADERS.originalOffset])).toEqual(['1']);
    expect(commits).toEqual(['2']);
  });

  it('retries a transient failure in place, heartbeating, and commits only after it succeeded', async () => {
    const events: string[] = [];
    let failures = 2;
    const { processor, batch } = setup(async () => {
      events.push('handle');
      if (failures-- > 0) throw Object.assign(new Error('database unavailable'), { code: '57P03' });
    });
    const { fake } = control({
      commit: async (offset) => void events.push(`commit ${offset}`),
    });

    await processor.process(batch([fetched(0, testEvent('a', 0))]), fake);

    expect(events).toEqual(['handle', 'handle', 'handle', 'commit 0']);
    expect(fake.heartbeat).toHaveBeenCalled();
  });

  it('gives up without committing when the consumer stops while a transient failure is being retried', async () => {
    let running = true;
    const { processor, batch } = setup(async () => {
      running = false;
      throw new Error('database unavailable');
    });
    const { fake, commits } = control({ isRunning: () => running });

    await processor.process(batch([fetched(0, testEvent('a', 0)), fetched(1, testEvent('a', 1))]), fake);

    expect(commits).toEqual([]);
  });

  it('runs the handler with the correlation id of the first message of the chunk', async () => {
    let seen: Record<string, unknown> = {};
    const { processor, batch } = setup(async () => void (seen = CorrelationContext.fields()));

    await processor.process(
      batch([fetched(7, testEvent('a', 0, 'corr-7')), fetched(8, testEvent('a', 1))]),
      control().fake,
    );

    expect(seen).toEqual({
      correlationId: 'corr-7',
      topic: topic.name,
      partition: 0,
      offset: '7',
      lastOffset: '8',
      messages: 2,
    });
  });
});

describe('chunksOf', () => {
  it('splits items into chunks of at most the given size, keeping their order', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 3)).toEqual([]);
  });
});
