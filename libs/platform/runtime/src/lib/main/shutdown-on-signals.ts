import type { LoggerService } from '@nestjs/common';

/** The part of `process` signal handling needs; tests pass their own. */
export interface SignalTarget {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): never | void;
}

/** A started service's graceful shutdown: finish batches, commit, close pools. */
export type GracefulClose = () => Promise<void>;

export const HANDLED_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/** The shell's convention for "ended by signal N" (128 + N): 143 for SIGTERM, 130 for SIGINT. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (signal === 'SIGINT' ? 2 : 15);
}

/**
 * SIGTERM/SIGINT handling, installed before any boot work. As PID 1 of a container, Node gets no default
 * action for SIGTERM: without a handler a `docker stop` or a pod deletion waits out the grace period while
 * migrations or connection retries go on. Until the service has started (migrating, connecting, a one-off
 * job) a signal exits at once with 128 + its number: each migration is its own transaction and PostgreSQL
 * rolls back the one cut short. Once started, a signal closes the service gracefully and exits 0, or 1 if
 * closing overruns `timeoutMs`, so an orchestrator never waits on a stuck pool; a second signal exits at once.
 */
export class ShutdownOnSignals {
  private close?: { run: GracefulClose; timeoutMs: number };
  private shuttingDown = false;

  constructor(
    private readonly logger: LoggerService,
    private readonly target: SignalTarget = process,
  ) {}

  install(): this {
    for (const signal of HANDLED_SIGNALS) this.target.on(signal, (received) => void this.onSignal(received));
    return this;
  }

  /** From now on a signal closes the service gracefully instead of exiting at once. */
  started(close: GracefulClose, timeoutMs: number): void {
    this.close = { run: close, timeoutMs };
  }

  private async onSignal(signal: NodeJS.Signals): Promise<void> {
    if (this.shuttingDown) {
      // A second Ctrl-C or SIGTERM: whoever sent it does not want to wait for the graceful close.
      this.logger.warn({ msg: 'second signal while shutting down; exiting now', signal });
      this.target.exit(signalExitCode(signal));
      return;
    }
    this.shuttingDown = true;
    if (!this.close) {
      this.logger.log({ msg: 'signal before the service started; exiting', signal });
      this.target.exit(signalExitCode(signal));
      return;
    }
    this.logger.log({ msg: 'shutting down', signal });
    const { run, timeoutMs } = this.close;
    const overrun = setTimeout(() => {
      this.logger.error({ msg: 'graceful shutdown overran its timeout; exiting', timeoutMs });
      this.target.exit(1);
    }, timeoutMs);
    overrun.unref();
    try {
      await run();
      clearTimeout(overrun);
      this.logger.log({ msg: 'shutdown complete' });
      this.target.exit(0);
    } catch (error) {
      clearTimeout(overrun);
      this.logger.error({ msg: 'graceful shutdown failed; exiting' }, error);
      this.target.exit(1);
    }
  }
}
