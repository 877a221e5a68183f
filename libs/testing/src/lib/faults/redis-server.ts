import { join } from 'node:path';
import Redis from 'ioredis';
import { waitFor } from '../wait-for';
import { OwnedProcess } from './owned-process';

export interface RedisServerOptions {
  directory: string;
  port: number;
}

/** A Redis of the run's own, without persistence: a stop loses its contents, as the design allows for Redis. */
export class RedisServer {
  private process?: OwnedProcess;

  constructor(private readonly options: RedisServerOptions) {}

  get url(): string {
    return `redis://127.0.0.1:${this.options.port}`;
  }

  async start(): Promise<void> {
    const { directory, port } = this.options;
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      directory,
    ];
    this.process = OwnedProcess.spawn('redis', 'redis-server', args, join(directory, 'redis.log'));
    await waitFor(`Redis on port ${port}`, () => this.answers(), { timeoutMs: 30_000, intervalMs: 100 });
  }

  async stop(): Promise<void> {
    await this.process?.stop();
  }

  freeze(): void {
    this.process?.freeze();
  }

  thaw(): void {
    this.process?.thaw();
  }

  /** True once Redis answers PING; fails fast if the process died (e.g. the port was taken). */
  private async answers(): Promise<boolean> {
    if (!this.process?.running) throw new Error(`redis-server exited, see ${this.options.directory}/redis.log`);
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined); // a refused connection is the answer "not yet"
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}
