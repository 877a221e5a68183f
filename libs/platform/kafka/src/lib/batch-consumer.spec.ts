import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import { Registry } from 'prom-client';
import { testTopic } from '../testing/test-event.fixture';
import { BatchConsumer } from './batch-consumer';
import type { EventProducer } from './event-producer';
import { KafkaMetrics } from './kafka.metrics';
import { onTopic } from './topic-subscription';

const EVENTS = { GROUP_JOIN: 'group-join', CRASH: 'crash', STOP: 'stop' };

/** Just enough of a kafkajs consumer to emit its instrumentation events and run or fail to. */
function fakeClient(run: () => Promise<void> = async () => undefined) {
  const emitter = new EventEmitter();
  const client = {
    events: EVENTS,
    on: (event: string, listener: (e: unknown) => void) => emitter.on(event, listener),
    connect: async () => undefined,
    subscribe: async () => undefined,
    disconnect: async () => undefined,
    run,
  } as unknown as Consumer;
  const crash = (restart: boolean) =>
    emitter.emit(EVENTS.CRASH, { payload: { groupId: 'g', restart, error: new Error('coordinator gone') } });
  return { client, crash };
}

function consumerOver(client: Consumer) {
  const exits: number[] = [];
  const consumer = new BatchConsumer(client, {} as EventProducer, new KafkaMetrics(new Registry()), {
    groupId: 'g',
    subscriptions: [onTopic(testTopic('unit.consumer.v1'), async () => undefined)],
    exitProcess: (code) => void exits.push(code),
  });
  return { consumer, exits };
}

describe('BatchConsumer', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    Logger.overrideLogger(false);
    errors = jest.spyOn(Logger.prototype, 'error');
  });
  afterEach(() => errors.mockRestore());

  it('exits the process non-zero, after logging an error, when the client crashed for good', async () => {
    const { client, crash } = fakeClient();
    const { consumer, exits } = consumerOver(client);
    await consumer.start();

    crash(false);

    expect(exits).toEqual([1]);
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ msg: expect.stringContaining('exiting') }));
    expect(consumer.isJoined()).toBe(false);
  });

  it('stays up when the client crashed but restarts itself', async () => {
    const { client, crash } = fakeClient();
    const { consumer, exits } = consumerOver(client);
    await consumer.start();

    crash(true);

    expect(exits).toEqual([]);
  });

  it('exits the process non-zero when run() rejects', async () => {
    const { client } = fakeClient(async () => Promise.reject(new Error('group authorization failed')));
    const { consumer, exits } = consumerOver(client);

    await expect(consumer.start()).rejects.toThrow('group authorization failed');

    expect(exits).toEqual([1]);
  });

  it('does not exit for a crash while it is being stopped', async () => {
    const { client, crash } = fakeClient();
    const { consumer, exits } = consumerOver(client);
    await consumer.start();
    await consumer.stop();

    crash(false);

    expect(exits).toEqual([]);
  });
});
