import type { Logger } from '@nestjs/common';

/**
 * Runs `task` every `intervalMs`, one run at a time (the next run is scheduled when the last one ends), and
 * logs a failure instead of stopping: the next interval is the retry. `runSoon()` brings the next run forward
 * (or queues one right after the run in progress). `stop()` waits for a run in progress.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private started = false;
  private rerunRequested = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  start(): void {
    this.started = true;
    this.schedule(this.intervalMs);
  }

  /** Something happened that the task should see now rather than at its next interval. */
  runSoon(): void {
    if (this.stopped || !this.started) return;
    if (this.running) {
      this.rerunRequested = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delayMs);
    this.timer.unref();
  }

  private run(): void {
    this.running = this.task()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn({ msg: `${this.name} failed; retrying next interval`, err: error }))
      .finally(() => {
        this.running = undefined;
        const rerun = this.rerunRequested;
        this.rerunRequested = false;
        this.schedule(rerun ? 0 : this.intervalMs);
      });
  }
}
