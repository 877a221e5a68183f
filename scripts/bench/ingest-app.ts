import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processCpuSeconds } from './process-cpu';

/** The bundle `npx nx build <app>` writes. */
function mainOf(app: string): string {
  return `dist/apps/${app}/main.js`;
}

/** What the bundle is built from: the app and every lib it may pull in. Tests are not part of it. */
function sourceDirsOf(app: string): string[] {
  return [`apps/${app}/src`, 'libs'];
}
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;
/** App log lines kept to explain a failed start or errors during the run. */
const LOG_TAIL_LINES = 10;

/** Builds the app's bundle when it is missing or older than any of its sources. */
export function ensureBuilt(root: string, log: (line: string) => void, app = 'ingest'): void {
  const bundle = mainOf(app);
  const main = join(root, bundle);
  const builtAt = existsSync(main) ? statSync(main).mtimeMs : 0;
  const changedAt = Math.max(...sourceDirsOf(app).map((dir) => newestSourceMtime(join(root, dir))));
  if (builtAt > changedAt) return log(`${bundle} is up to date`);
  log(builtAt === 0 ? `${bundle} missing: building` : `${bundle} older than its sources: rebuilding`);
  const build = spawnSync('npx', ['nx', 'build', app], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (build.status !== 0) throw new Error(`npx nx build ${app} failed (exit ${build.status})`);
  // Nx may answer from its cache and leave an identical bundle untouched: mark it as checked against now.
  const now = new Date();
  utimesSync(main, now, now);
}

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    else if (/\.ts$/.test(entry.name) && !/\.(int-)?spec\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export { freePort } from '@handoff/testing';

export interface ServiceAppSettings {
  /** The Nx app to run (its built bundle); ingest unless said otherwise. */
  app?: string;
  root: string;
  port: number;
  env: Record<string, string>;
  cpuProfDir?: string;
  /** Where io-timing.preload.js writes its measurements; the preload is loaded only when set. */
  ioTimingFile?: string;
}

export interface IoTiming {
  operations: { operation: string; count: number; meanMs: number; p50Ms: number; p99Ms: number }[];
  eventLoopDelay: { p50Ms: number; p99Ms: number; maxMs: number };
}

/** A built service (ingest by default) running as a child process, as production runs it. */
export class ServiceApp {
  private readonly logTail: string[] = [];
  /** Log lines containing each watched text, counted over the whole run (the tail keeps only the last few). */
  private readonly watched = new Map<string, number>();
  private readonly startedAt = Date.now();
  private readonly exit: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    private readonly app: string,
    private readonly ioTimingFile?: string,
  ) {
    this.exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    for (const stream of [child.stdout, child.stderr])
      stream?.setEncoding('utf8').on('data', (chunk: string) => this.keep(chunk));
  }

  static start(settings: ServiceAppSettings): ServiceApp {
    const app = settings.app ?? 'ingest';
    const profiling = settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`] : [];
    const timing = settings.ioTimingFile ? ['-r', join(__dirname, 'io-timing.preload.js')] : [];
    const child = spawn(process.execPath, [...profiling, ...timing, mainOf(app)], {
      cwd: settings.root,
      env: {
        ...process.env,
        ...settings.env,
        HTTP_PORT: String(settings.port),
        ...(settings.ioTimingFile ? { BENCH_IO_TIMING_FILE: settings.ioTimingFile } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceApp(child, `http://127.0.0.1:${settings.port}`, app, settings.ioTimingFile);
  }

  /** Resolves with the seconds the app took to become ready. */
  async waitReady(): Promise<number> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let exited = false;
    void this.exit.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (exited) throw new Error(`${this.app} exited during startup:\n${this.recentLogs().join('\n')}`);
      const status = await fetch(`${this.baseUrl}/health/ready`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return (Date.now() - this.startedAt) / 1000;
      await sleep(250);
    }
    throw new Error(`${this.app} not ready within ${READY_TIMEOUT_MS / 1000} s:\n${this.recentLogs().join('\n')}`);
  }

  /** Ingest only: creates a source through the admin API and returns its write key. */
  async createSource(adminToken: string, name: string): Promise<{ id: string; writeKey: string }> {
    const response = await fetch(`${this.baseUrl}/admin/sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    if (response.status !== 201)
      throw new Error(`creating the bench source answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { id: string; writeKey: string };
  }

  /** SIGTERM, as an orchestrator stops it (a CPU profile is written on this graceful exit). */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    // Unref'd: once the app has exited, the bench must not wait out the timer (until then the child's pipes hold it).
    const code = await Promise.race([
      this.exit,
      sleep(STOP_TIMEOUT_MS, undefined, { ref: false }).then(() => 'timeout' as const),
    ]);
    if (code !== 'timeout') return code ?? null;
    this.child.kill('SIGKILL');
    return this.exit;
  }

  /** SIGKILL without waiting, when the bench itself is exiting: the app must not outlive it. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** What the preload measured since the previous call (the first call only starts the measurement). */
  async ioTiming(): Promise<IoTiming | undefined> {
    if (!this.ioTimingFile) return undefined;
    const before = existsSync(this.ioTimingFile) ? statSync(this.ioTimingFile).mtimeMs : 0;
    this.child.kill('SIGUSR2');
    for (let attempt = 0; attempt < 40; attempt++) {
      await sleep(50);
      if (existsSync(this.ioTimingFile) && statSync(this.ioTimingFile).mtimeMs !== before) {
        try {
          return JSON.parse(readFileSync(this.ioTimingFile, 'utf8')) as IoTiming;
        } catch {
          // Caught mid-write: read it again on the next attempt.
        }
      }
    }
    return undefined;
  }

  cpuSeconds(): number | undefined {
    return this.child.pid === undefined ? undefined : processCpuSeconds(this.child.pid);
  }

  recentLogs(): string[] {
    return [...this.logTail];
  }

  /** From now on counts the log lines containing `text`; read the count with `linesWith`. */
  watchLogs(text: string): void {
    this.watched.set(text, this.watched.get(text) ?? 0);
  }

  linesWith(text: string): number {
    return this.watched.get(text) ?? 0;
  }

  private keep(chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      this.logTail.push(line);
      for (const [text, count] of this.watched) if (line.includes(text)) this.watched.set(text, count + 1);
    }
    this.logTail.splice(0, Math.max(0, this.logTail.length - LOG_TAIL_LINES));
  }
}
