import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PlatformConfig, PlatformConfigModule } from '@handoff/platform-config';
import { ObservabilityModule } from './observability.module';

/** A port nothing listens on right now: the OS picks one, and it is released before the app takes it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function startApp(env: Record<string, string>): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [PlatformConfigModule.forRoot(PlatformConfig, env), ObservabilityModule.forRoot({ service: 'example' })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

describe('METRICS_PORT', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('serves /metrics on its own port and no longer on the HTTP port', async () => {
    const metricsPort = await freePort();
    app = await startApp({ METRICS_PORT: String(metricsPort) });

    const onMetricsPort = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    const onHttpPort = await fetch(`${await app.getUrl()}/metrics`);

    expect(onMetricsPort.status).toBe(200);
    expect(onMetricsPort.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(await onMetricsPort.text()).toContain('process_cpu_user_seconds_total{service="example"}');
    expect(onHttpPort.status).toBe(404);
  });

  it('answers 404 on its own port for anything but GET /metrics', async () => {
    const metricsPort = await freePort();
    app = await startApp({ METRICS_PORT: String(metricsPort) });

    expect((await fetch(`http://127.0.0.1:${metricsPort}/health/live`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('stops listening when the app closes', async () => {
    const metricsPort = await freePort();
    app = await startApp({ METRICS_PORT: String(metricsPort) });
    await app.close();
    app = undefined;

    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();
  });

  it('leaves /metrics on the HTTP port when unset', async () => {
    app = await startApp({});

    expect((await fetch(`${await app.getUrl()}/metrics`)).status).toBe(200);
  });
});
