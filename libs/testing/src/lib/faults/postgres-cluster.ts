import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { signalPid, type ControlSignal } from './owned-process';

const run = promisify(execFile);
const DEBIAN_POSTGRES = '/usr/lib/postgresql';

export interface PostgresClusterOptions {
  /** Where the cluster's data dir, socket dir and log go; must be traversable by the postgres user when root. */
  directory: string;
  port: number;
}

/**
 * A PostgreSQL cluster of the run's own (`initdb` + `pg_ctl` from Debian's packages), trust auth on loopback.
 * PostgreSQL refuses to run as root, so as root its tools run as the `postgres` user.
 */
export class PostgresCluster {
  private readonly dataDir: string;
  private readonly socketDir: string;
  private readonly logPath: string;
  private readonly bin = newestPostgresBin();

  constructor(private readonly options: PostgresClusterOptions) {
    this.dataDir = join(options.directory, 'data');
    this.socketDir = join(options.directory, 'socket');
    this.logPath = join(options.directory, 'postgres.log');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.options.port}/postgres`;
  }

  async prepare(): Promise<void> {
    mkdirSync(this.socketDir, { recursive: true });
    if (process.getuid?.() === 0) {
      const { uid, gid } = await postgresUser();
      for (const dir of [this.options.directory, this.socketDir]) chownSync(dir, uid, gid);
    }
    await this.tool('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  }

  async start(): Promise<void> {
    const settings = [
      `-p ${this.options.port}`,
      `-k ${this.socketDir}`,
      '-c listen_addresses=127.0.0.1',
      // A throw-away cluster: durability against power loss is not what the fault tests measure.
      '-c fsync=off',
      '-c max_connections=200',
    ].join(' ');
    await this.tool('pg_ctl', ['start', '-w', '-t', '60', '-D', this.dataDir, '-l', this.logPath, '-o', settings]);
  }

  /** A fast shutdown: clients are disconnected, as when the database goes away under them. */
  async stop(): Promise<void> {
    if (this.postmasterPid() === undefined) return;
    this.signalAll('SIGCONT');
    await this.tool('pg_ctl', ['stop', '-w', '-t', '60', '-m', 'fast', '-D', this.dataDir]);
  }

  /** Stops the postmaster and every backend, so connections hang rather than fail. */
  freeze(): void {
    this.signalAll('SIGSTOP');
  }

  thaw(): void {
    this.signalAll('SIGCONT');
  }

  private signalAll(signal: ControlSignal): void {
    const postmaster = this.postmasterPid();
    if (postmaster === undefined) return;
    for (const pid of [postmaster, ...childrenOf(postmaster)]) signalPid(pid, signal);
  }

  private postmasterPid(): number | undefined {
    const pidFile = join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return undefined;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  }

  private async tool(name: string, args: string[]): Promise<void> {
    const command = join(this.bin, name);
    if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
    else await run(command, args);
  }
}

function newestPostgresBin(): string {
  const versions = existsSync(DEBIAN_POSTGRES) ? readdirSync(DEBIAN_POSTGRES).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!newest) throw new Error(`no PostgreSQL under ${DEBIAN_POSTGRES}: apt-get install postgresql`);
  return join(DEBIAN_POSTGRES, newest, 'bin');
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Direct children of `pid` (PostgreSQL's backends and workers), from /proc. */
function childrenOf(pid: number): number[] {
  const path = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}
