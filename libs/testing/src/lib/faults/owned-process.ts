import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { waitFor } from '../wait-for';

/** Signals the fault tests send: stop and resume a process without ending it, end it cleanly, kill it. */
export type ControlSignal = 'SIGSTOP' | 'SIGCONT' | 'SIGTERM' | 'SIGKILL';

/** Sends `signal` to `pid` if it is still alive; false when it is gone. */
export function signalPid(pid: number, signal: ControlSignal): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A long-lived program this run started (a broker, a Redis), its output appended to a log file. Only ever
 * signals the process it spawned itself, by pid: never a name match that could hit someone else's server.
 */
export class OwnedProcess {
  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {}

  static spawn(
    name: string,
    command: string,
    args: string[],
    logPath: string,
    options: SpawnOptions = {},
  ): OwnedProcess {
    const log = openSync(logPath, 'a');
    try {
      const child = spawn(command, args, { ...options, stdio: ['ignore', log, log] });
      child.on('error', () => undefined);
      return new OwnedProcess(name, child);
    } finally {
      closeSync(log);
    }
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} did not start`);
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  freeze(): void {
    if (this.running) signalPid(this.pid, 'SIGSTOP');
  }

  thaw(): void {
    if (this.running) signalPid(this.pid, 'SIGCONT');
  }

  /** SIGTERM (after thawing, so a frozen process can act on it), SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    if (!this.running) return;
    this.thaw();
    signalPid(this.pid, 'SIGTERM');
    try {
      await waitFor(`${this.name} to exit`, () => !this.running, { timeoutMs: graceMs, intervalMs: 100 });
    } catch {
      await this.kill();
    }
  }

  async kill(): Promise<void> {
    if (!this.running) return;
    signalPid(this.pid, 'SIGKILL');
    await waitFor(`${this.name} to die`, () => !this.running, { timeoutMs: 10_000, intervalMs: 50 });
  }
}
