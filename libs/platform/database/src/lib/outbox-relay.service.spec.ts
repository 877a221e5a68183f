import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox-relay.service';

const fakeDataSource = {
  options: { type: 'postgres', schema: 'routing' },
} as unknown as DataSource;
const sender = { send: jest.fn() };
const LONG_MS = 60_000;

function relayWith(batchSize: number, results: Array<number | Error>): { relay: OutboxRelay; runs: jest.SpyInstance } {
  const relay = new OutboxRelay(fakeDataSource, sender, {
    batchSize,
    pollIntervalMs: LONG_MS,
    retryDelayMs: 1,
    retentionHours: 0,
  });
  const runs = jest.spyOn(relay, 'relayOnce');
  for (const result of results) {
    if (result instanceof Error) runs.mockRejectedValueOnce(result);
    else runs.mockResolvedValueOnce(result);
  }
  runs.mockResolvedValue(0);
  return { relay, runs };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('OutboxRelay polling', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('runs again at once after a full batch and waits the poll interval after a partial one', async () => {
    const { relay, runs } = relayWith(10, [10, 10, 3]);
    relay.start();
    await until(() => runs.mock.calls.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toHaveBeenCalledTimes(3);
    await relay.stop();
  });

  it('keeps polling after a failed run, retrying after the retry delay', async () => {
    const { relay, runs } = relayWith(10, [new Error('broker down'), new Error('broker down'), 2]);
    relay.start();
    await until(() => runs.mock.calls.length >= 3);
    await relay.stop();
    expect(runs).toHaveBeenCalledTimes(3);
  });

  // The poll interval outlasts jest's timeout, so this only passes if stop() cuts the wait short.
  it('stop() interrupts the idle wait instead of sleeping out the poll interval', async () => {
    const { relay, runs } = relayWith(10, [1]);
    relay.start();
    await until(() => runs.mock.calls.length >= 1);
    await relay.stop();
    expect(runs).toHaveBeenCalledTimes(1);
  });

  it('stop() waits for the run in flight to finish', async () => {
    const { relay, runs } = relayWith(10, []);
    let finishRun: (sent: number) => void = () => undefined;
    runs.mockImplementationOnce(() => new Promise<number>((resolve) => (finishRun = resolve)));
    relay.start();
    await until(() => runs.mock.calls.length === 1);
    let stopResolved = false;
    const stopping = relay.stop().then(() => (stopResolved = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopResolved).toBe(false);
    finishRun(1);
    await stopping;
    expect(runs).toHaveBeenCalledTimes(1);
  });
});
