import { join } from 'node:path';
import { Client } from 'pg';
import { ServiceProcess, TEST_DATABASE_URL, uniqueName } from '@handoff/testing';

const workspaceRoot = join(__dirname, '../../..');
const APPS = ['ingest', 'scoring', 'routing', 'quota'] as const;

/** Each run uses its own schemas, so it never touches a developer's local data. */
const schemas: string[] = [];
function freshSchema(app: string): string {
  const schema = uniqueName(`e2e_${app}`);
  schemas.push(schema);
  return schema;
}

afterAll(async () => {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

describe.each(APPS)('the %s service', (app) => {
  let service: ServiceProcess;

  beforeAll(async () => {
    service = await ServiceProcess.start({
      app,
      workspaceRoot,
      env: { DATABASE_SCHEMA: freshSchema(app), INGEST_INBOUND_GROUP_ID: uniqueName('e2e_inbound') },
    });
    await service.waitForStatus('/health/ready', 200);
  });

  afterAll(async () => {
    await service.stop();
  });

  it('is ready once PostgreSQL, Redis and Kafka answer', async () => {
    const ready = await service.get('/health/ready');
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' }, kafka: { status: 'up' } },
    });
  });

  it('is live and exposes its own Prometheus metrics', async () => {
    expect((await service.get('/health/live')).status).toBe(200);
    const metrics = await service.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain(`process_cpu_user_seconds_total{service="${app}"}`);
  });

  it('logs one JSON object per line', () => {
    const lines = service.logLines.filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ service: app, level: expect.any(String) });
  });

  it('shuts down cleanly on SIGTERM', async () => {
    expect(await service.stop()).toBe(0);
  });
});

describe('readiness while a dependency is down', () => {
  let service: ServiceProcess;

  beforeAll(async () => {
    service = await ServiceProcess.start({
      app: 'quota',
      workspaceRoot,
      // Nothing listens on port 1: Redis is "down" for this instance only.
      env: { DATABASE_SCHEMA: freshSchema('quota_noredis'), REDIS_URL: 'redis://127.0.0.1:1' },
    });
    await service.waitForStatus('/health/live', 200);
  });

  afterAll(async () => {
    await service.stop();
  });

  it('stays live but answers 503 on /health/ready, naming the dependency', async () => {
    await service.waitForStatus('/health/ready', 503);
    const ready = await service.get('/health/ready');
    expect(ready.body).toMatchObject({ status: 'error', error: { redis: { status: 'down' } } });
    expect((await service.get('/health/live')).status).toBe(200);
  });
});

describe('production mode (NODE_ENV=production)', () => {
  const PRODUCTION_DEFAULTS: Record<string, Record<string, string>> = {
    // Empty means unset: each secret falls back to its published default, or stays missing.
    ingest: { INGEST_ADMIN_TOKEN: '', INGEST_SECRET_KEY: '', INGEST_CONTACT_TOKEN: '' },
    scoring: { SCORING_ADMIN_TOKEN: '', SCORING_READ_TOKEN: '' },
  };

  it.each(Object.entries(PRODUCTION_DEFAULTS))(
    'refuses to start %s with missing or published-default secrets, naming each and no value',
    async (app, secrets) => {
      const service = await ServiceProcess.start({
        app,
        workspaceRoot,
        env: { NODE_ENV: 'production', DATABASE_SCHEMA: freshSchema(`${app}_prod`), ...secrets },
      });
      expect(await service.exited()).not.toBe(0);
      const log = service.log();
      for (const setting of Object.keys(secrets)) expect(log).toMatch(new RegExp(`${setting}: must`));
      expect(log).not.toContain('change-me');
    },
  );

  it.each(Object.entries(PRODUCTION_DEFAULTS))(
    'starts %s once every secret is set to its own value',
    async (app, secrets) => {
      const ownValues = Object.fromEntries(
        Object.keys(secrets).map((setting) => [setting, `e2e-production-${setting.toLowerCase()}`]),
      );
      const service = await ServiceProcess.start({
        app,
        workspaceRoot,
        env: { NODE_ENV: 'production', DATABASE_SCHEMA: freshSchema(`${app}_prod_ok`), ...ownValues },
      });
      try {
        await service.waitForStatus('/health/ready', 200);
      } finally {
        await service.stop();
      }
    },
  );
});
