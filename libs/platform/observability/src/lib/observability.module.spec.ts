import { Controller, Get, type INestApplication, Logger, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PlatformConfig, PlatformConfigModule } from '@handoff/platform-config';
import type { Registry } from 'prom-client';
import { CORRELATION_ID_HEADER, CorrelationContext } from './correlation-context';
import { JsonLogger } from './json.logger';
import { METRICS_REGISTRY } from './metrics-registry';
import { ObservabilityModule } from './observability.module';

@Controller('things')
class ThingsController {
  private readonly logger = new Logger(ThingsController.name);

  @Get(':id')
  async find(@Param('id') id: string): Promise<{ id: string; correlationId: string }> {
    await new Promise((resolve) => setImmediate(resolve));
    this.logger.log({ msg: 'found thing', thingId: id });
    return { id, correlationId: CorrelationContext.correlationId() };
  }
}

describe('ObservabilityModule', () => {
  let app: INestApplication;
  let base: string;
  const lines: string[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformConfigModule.forRoot(PlatformConfig, { LOG_LEVEL: 'debug' }),
        ObservabilityModule.forRoot({ service: 'example' }),
      ],
      controllers: [ThingsController],
    }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    const logger = app.get(JsonLogger);
    jest.spyOn(process.stdout, 'write').mockImplementation((line) => lines.push(String(line)) > 0);
    app.useLogger(logger);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    jest.restoreAllMocks();
  });

  it('runs the request in the caller correlation id, echoes it and stamps it on log lines', async () => {
    const response = await fetch(`${base}/things/42`, { headers: { [CORRELATION_ID_HEADER]: 'corr-abc-1' } });

    expect(response.headers.get(CORRELATION_ID_HEADER)).toBe('corr-abc-1');
    expect(await response.json()).toEqual({ id: '42', correlationId: 'corr-abc-1' });
    const logged = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'found thing');
    expect(logged).toMatchObject({ service: 'example', context: 'ThingsController', correlationId: 'corr-abc-1' });
  });

  it('mints a correlation id when the caller sends none or an unsafe one', async () => {
    for (const headers of [{}, { [CORRELATION_ID_HEADER]: 'bad id\twith spaces' }] as Record<string, string>[]) {
      const response = await fetch(`${base}/things/7`, { headers });
      const body = (await response.json()) as { correlationId: string };

      expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get(CORRELATION_ID_HEADER)).toBe(body.correlationId);
    }
  });

  it('counts requests by method, route template, status and status class, and times them', async () => {
    await fetch(`${base}/things/1`);
    await fetch(`${base}/nowhere/at/all`);
    const registry = app.get<Registry>(METRICS_REGISTRY);

    const text = await registry.metrics();

    expect(text).toMatch(
      /handoff_http_requests_total\{method="GET",route="\/things\/:id",status="200",status_class="2xx",service="example"\} [1-9]/,
    );
    expect(text).toMatch(
      /handoff_http_requests_total\{method="GET",route="unmatched",status="404",status_class="4xx",service="example"\} 1\n/,
    );
    expect(text).toMatch(
      /handoff_http_request_duration_seconds_count\{[^}]*route="\/things\/:id",status="200",status_class="2xx"\} [1-9]/,
    );
  });

  it('serves the registry at GET /metrics in the Prometheus text format', async () => {
    const response = await fetch(`${base}/metrics`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE handoff_http_requests_total counter');
    expect(text).toContain('process_cpu_user_seconds_total{service="example"}');
  });
});

describe('ObservabilityModule logger', () => {
  it('applies the configured LOG_LEVEL', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformConfigModule.forRoot(PlatformConfig, { LOG_LEVEL: 'error' }),
        ObservabilityModule.forRoot({ service: 'example' }),
      ],
    }).compile();
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const logger = moduleRef.get(JsonLogger);
      logger.warn('below threshold');
      logger.error('kept');

      expect(write).toHaveBeenCalledTimes(1);
      expect(String(write.mock.calls[0][0])).toContain('"msg":"kept"');
    } finally {
      write.mockRestore();
      await moduleRef.close();
    }
  });
});
