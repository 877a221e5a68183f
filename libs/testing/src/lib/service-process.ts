import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from './test-infrastructure';
import { waitFor } from './wait-for';

export interface ServiceProcessOptions {
  /** The app's name: runs dist/apps/<app>/main.js, built by `nx build <app>`. */
  app: string;
  /** Default: a free port. */
  port?: number;
  env?: Record<string, string>;
  workspaceRoot: string;
  /** Command-line arguments, e.g. `['migrate']` for the image's one-off job; none serves. */
  args?: string[];
}

/** A built service running as its own process, as a deployment runs it; its JSON log lines are kept. */
export class ServiceProcess {
  readonly logLines: string[] = [];
  private child!: ChildProcess;
  private exit?: Promise<number | null>;

  private constructor(
    private readonly options: ServiceProcessOptions & { port: number },
    readonly baseUrl: string,
  ) {
    this.spawn();
  }

  static async start(options: ServiceProcessOptions): Promise<ServiceProcess> {
    const port = options.port ?? (await freePort());
    return new ServiceProcess({ ...options, port }, `http://127.0.0.1:${port}`);
  }

  private spawn(): void {
    const { app, env, port, workspaceRoot, args = [] } = this.options;
    const child = spawn(process.execPath, [join(workspaceRoot, 'dist/apps', app, 'main.js'), ...args], {
      env: { ...process.env, HTTP_PORT: String(port), LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Whole lines only: a chunk of output may end inside a line (a test then read half a JSON object).
    for (const stream of [child.stdout, child.stderr]) {
      if (stream)
        createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => this.logLines.push(line));
    }
    this.exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.child = child;
  }

  /** The current process's id (a restart gets a new one). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async get(path: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrl}${path}`);
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  }

  /** Resolves once GET `path` answers `status`; fails early if the process exits. */
  async waitForStatus(path: string, status: number, timeoutMs = 60_000): Promise<void> {
    await waitFor(
      `${this.baseUrl}${path} to answer ${status}`,
      async () => {
        if (this.child.exitCode !== null) throw new Error(`service exited with ${this.child.exitCode}:\n${this.log()}`);
        return (await this.get(path).catch(() => ({ status: 0 }))).status === status;
      },
      { timeoutMs, intervalMs: 200 },
    );
  }

  /** Resolves with the exit code once the process exits by itself; fails if it is still running after `timeoutMs`. */
  async exited(timeoutMs = 30_000): Promise<number | null> {
    await waitFor('the service to exit', () => this.child.exitCode !== null, { timeoutMs, intervalMs: 100 });
    return this.child.exitCode;
  }

  /** Sends SIGTERM and resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exit ?? null;
  }

  /** SIGKILL, as a crash or the OOM killer ends a process: no shutdown hooks, nothing flushed. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exit;
  }

  /** Another process of the same app with the same settings on a port of its own: a second replica. */
  startReplica(): Promise<ServiceProcess> {
    return ServiceProcess.start({ ...this.options, port: undefined });
  }

  /** Starts the service again on the same port and settings, once the previous process has exited. */
  async restart(): Promise<void> {
    await this.exit;
    this.spawn();
  }

  log(): string {
    return this.logLines.filter(Boolean).join('\n');
  }
}
