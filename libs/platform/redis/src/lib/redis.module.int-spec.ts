import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { TerminusModule } from '@nestjs/terminus';
import { HealthModule } from '@handoff/platform-observability';
import { TEST_REDIS_URL } from '@handoff/testing';
import { Test, type TestingModule } from '@nestjs/testing';
import type Redis from 'ioredis';
import { REDIS_CLIENT, type RedisOptions } from './redis.constants';
import { RedisHealthIndicator } from './redis.health';
import { RedisModule } from './redis.module';

async function startModule(options: RedisOptions): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [RedisModule.forRootAsync({ useFactory: () => options }), TerminusModule.forRoot({ logger: false })],
    providers: [RedisHealthIndicator],
  })
    .setLogger({ log: () => undefined, warn: () => undefined, error: () => undefined })
    .compile();
  moduleRef.enableShutdownHooks();
  return moduleRef;
}

/** A TCP peer that accepts connections and never says a word: the worst case for a hang. */
async function startSilentServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

async function freePort(): Promise<number> {
  const { server, port } = await startSilentServer();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('RedisModule against the real Redis', () => {
  let moduleRef: TestingModule | undefined;
  afterEach(async () => {
    await moduleRef?.close();
    moduleRef = undefined;
  });

  it('provides a connected client under REDIS_CLIENT that answers PING and round-trips values', async () => {
    moduleRef = await startModule({ url: TEST_REDIS_URL, connectionName: 'platform-redis-int' });
    const client = moduleRef.get<Redis>(REDIS_CLIENT);
    const key = `platform-redis-int:${process.pid}:${Date.now()}`;

    expect(await client.ping()).toBe('PONG');
    await client.set(key, 'value', 'PX', 10000);
    expect(await client.get(key)).toBe('value');
    await client.del(key);
  });

  it('reports redis up when PING answers', async () => {
    moduleRef = await startModule({ url: TEST_REDIS_URL });

    expect(await moduleRef.get(RedisHealthIndicator).check()).toEqual({ redis: { status: 'up' } });
  });

  it('quits the client when the application shuts down', async () => {
    moduleRef = await startModule({ url: TEST_REDIS_URL });
    const client = moduleRef.get<Redis>(REDIS_CLIENT);
    await client.ping();
    const ended = new Promise((resolve) => client.once('end', resolve));

    await moduleRef.close();
    moduleRef = undefined;

    await ended;
    expect(client.status).toBe('end');
  });

  it('reports redis down, without hanging, when nothing listens on the port', async () => {
    moduleRef = await startModule({ url: `redis://127.0.0.1:${await freePort()}`, healthTimeoutMs: 500 });

    const result = await moduleRef.get(RedisHealthIndicator).check();

    expect(result).toEqual({ redis: { status: 'down', message: expect.any(String) } });
  }, 5000);

  it('reports redis down at the deadline when the peer accepts but never answers', async () => {
    const silent = await startSilentServer();
    try {
      moduleRef = await startModule({ url: `redis://127.0.0.1:${silent.port}`, healthTimeoutMs: 300 });

      const result = await moduleRef.get(RedisHealthIndicator).check();

      expect(result).toEqual({ redis: { status: 'down', message: 'no PONG within 300 ms' } });
    } finally {
      await moduleRef?.close();
      moduleRef = undefined;
      silent.sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.server.close(resolve));
    }
  }, 5000);

  it('fails a command fast instead of holding the caller when Redis is unreachable', async () => {
    moduleRef = await startModule({ url: `redis://127.0.0.1:${await freePort()}` });

    await expect(moduleRef.get<Redis>(REDIS_CLIENT).get('any-key')).rejects.toThrow();
  }, 10000);

  it('serves /health/ready 200 when RedisHealthIndicator is registered with the HealthModule', async () => {
    const appModule = await Test.createTestingModule({
      imports: [
        RedisModule.forRootAsync({ useFactory: () => ({ url: TEST_REDIS_URL }) }),
        HealthModule.forRoot({ indicators: [RedisHealthIndicator] }),
      ],
    }).compile();
    const app = appModule.createNestApplication({ logger: false });
    try {
      await app.listen(0, '127.0.0.1');
      const response = await fetch(`${await app.getUrl()}/health/ready`);

      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', info: { redis: { status: 'up' } } });
    } finally {
      await app.close();
    }
  });
});
