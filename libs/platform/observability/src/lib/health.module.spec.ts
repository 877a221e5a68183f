import { type INestApplication, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import { HealthModule, type HealthModuleOptions } from './health.module';
import type { ReadinessIndicator } from './readiness-indicator';

@Injectable()
class DatabaseUp implements ReadinessIndicator {
  readonly name = 'database';
  constructor(private readonly health: HealthIndicatorService) {}
  async check() {
    return this.health.check(this.name).up();
  }
}

@Injectable()
class RedisDown implements ReadinessIndicator {
  readonly name = 'redis';
  constructor(private readonly health: HealthIndicatorService) {}
  async check() {
    return this.health.check(this.name).down({ message: 'connect ECONNREFUSED 127.0.0.1:6390' });
  }
}

class KafkaThrows implements ReadinessIndicator {
  readonly name = 'kafka';
  async check(): Promise<never> {
    throw new Error('consumer not joined for jane@example.com');
  }
}

class BrokerHangs implements ReadinessIndicator {
  readonly name = 'broker';
  check(): Promise<never> {
    return new Promise(() => undefined);
  }
}

async function startApp(
  indicators: HealthModuleOptions['indicators'],
): Promise<{ app: INestApplication; base: string }> {
  const moduleRef = await Test.createTestingModule({
    imports: [HealthModule.forRoot({ indicators, timeoutMs: 100 })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, base: await app.getUrl() };
}

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('HealthModule', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('answers /health/live 200 without running the readiness checks', async () => {
    const started = await startApp([DatabaseUp, RedisDown]);
    app = started.app;

    expect(await get(`${started.base}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('answers /health/ready 503 naming the failing indicator while reporting the healthy one', async () => {
    const started = await startApp([DatabaseUp, RedisDown]);
    app = started.app;

    const { status, body } = await get(`${started.base}/health/ready`);

    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { redis: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:6390' } },
    });
  });

  it('answers /health/ready 200 when every indicator is up', async () => {
    const started = await startApp([DatabaseUp]);
    app = started.app;

    expect(await get(`${started.base}/health/ready`)).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('reports an indicator that throws or never answers as down instead of failing the probe', async () => {
    const started = await startApp([DatabaseUp, KafkaThrows, BrokerHangs]);
    app = started.app;

    const { status, body } = await get(`${started.base}/health/ready`);

    expect(status).toBe(503);
    expect(body['error']).toEqual({
      kafka: { status: 'down', message: expect.stringMatching(/^consumer not joined for <email:[0-9a-f]+>$/) },
      broker: { status: 'down', message: 'no answer within 100 ms' },
    });
  });
});
