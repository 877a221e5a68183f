import { EventEmitter } from 'node:events';
import { JsonLogger } from '@handoff/platform-observability';
import { ShutdownOnSignals, signalExitCode } from './shutdown-on-signals';

/** A process stand-in: signals are emitted by the test, exits are recorded instead of ending jest. */
class FakeProcess extends EventEmitter {
  readonly exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
}

function setUp() {
  const target = new FakeProcess();
  const lines: string[] = [];
  const logger = new JsonLogger({ service: 'test', write: (line) => lines.push(line) });
  const signals = new ShutdownOnSignals(logger, target).install();
  const messages = () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
  return { target, signals, messages };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ShutdownOnSignals', () => {
  it('exits at once with 143 on SIGTERM and 130 on SIGINT while the service is still booting', () => {
    const term = setUp();
    term.target.emit('SIGTERM', 'SIGTERM');
    expect(term.target.exits).toEqual([143]);
    expect(term.messages()).toEqual(['signal before the service started; exiting']);

    const int = setUp();
    int.target.emit('SIGINT', 'SIGINT');
    expect(int.target.exits).toEqual([130]);
  });

  it('closes a started service gracefully and exits 0', async () => {
    const { target, signals, messages } = setUp();
    let closed = false;
    signals.started(async () => {
      closed = true;
    }, 1_000);

    target.emit('SIGTERM', 'SIGTERM');
    await settle();

    expect(closed).toBe(true);
    expect(target.exits).toEqual([0]);
    expect(messages()).toEqual(['shutting down', 'shutdown complete']);
  });

  it('exits 1 when the graceful close overruns its timeout', async () => {
    jest.useFakeTimers();
    try {
      const { target, signals } = setUp();
      signals.started(() => new Promise<void>(() => undefined), 5_000);
      target.emit('SIGTERM', 'SIGTERM');
      jest.advanceTimersByTime(4_999);
      expect(target.exits).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(target.exits).toEqual([1]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('exits 1 when the graceful close fails', async () => {
    const { target, signals } = setUp();
    signals.started(() => Promise.reject(new Error('pool stuck')), 1_000);
    target.emit('SIGTERM', 'SIGTERM');
    await settle();
    expect(target.exits).toEqual([1]);
  });

  it('exits at once on a second signal while a graceful close is under way', () => {
    const { target, signals } = setUp();
    signals.started(() => new Promise<void>(() => undefined), 60_000);
    target.emit('SIGINT', 'SIGINT');
    target.emit('SIGINT', 'SIGINT');
    expect(target.exits).toEqual([130]);
  });

  it('uses the shell convention 128 + signal number', () => {
    expect(signalExitCode('SIGTERM')).toBe(143);
    expect(signalExitCode('SIGINT')).toBe(130);
  });
});
