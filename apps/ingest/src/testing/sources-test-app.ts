import { randomBytes } from 'node:crypto';
import {
  Catch,
  Controller,
  HttpCode,
  type INestApplication,
  Module,
  Post,
  UseGuards,
  ValidationPipe,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PlatformConfigModule } from '@handoff/platform-config';
import { DatabaseModule, PLATFORM_MIGRATIONS } from '@handoff/platform-database';
import { METRICS_REGISTRY, ObservabilityModule } from '@handoff/platform-observability';
import { ApiExceptionFilter, TokenAuthModule } from '@handoff/platform-runtime';
import { REDIS_CLIENT, RedisModule } from '@handoff/platform-redis';
import { DomainError } from '@handoff/shared-errors';
import {
  type HttpCallOptions,
  type HttpCallResponse,
  httpCall,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
} from '@handoff/testing';
import type Redis from 'ioredis';
import type { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { IngestConfig } from '../app/ingest.config';
import { type AuthenticatedSource, CurrentSource } from '../sources/authenticated-source';
import { RateLimitGuard } from '../sources/rate-limit.guard';
import { SourceAuthGuard } from '../sources/source-auth.guard';
import type { IssuedSourceView } from '../sources/source.dto';
import { SOURCES_ENTITIES, SOURCES_MIGRATIONS, SourcesModule } from '../sources/sources.module';

export const TEST_ADMIN_TOKEN = 'sources-int-test-admin-token';

/** Stands in for the engagement controllers: guarded exactly as they are, echoing who was authenticated. */
@Controller('test-ingest')
@UseGuards(SourceAuthGuard, RateLimitGuard)
class TestIngestController {
  @Post()
  @HttpCode(200)
  accept(@CurrentSource() source: AuthenticatedSource): { sourceId: string; name: string } {
    return { sourceId: source.id, name: source.name };
  }
}

export interface SourcesTestApp {
  schema: string;
  rateLimitKeyPrefix: string;
  dataSource: DataSource;
  redis: Redis;
  metrics: Registry;
  call(method: string, path: string, options?: HttpCallOptions): Promise<HttpCallResponse>;
  /** A call to the admin API with the admin token. */
  admin(method: string, path: string, body?: unknown): Promise<HttpCallResponse>;
  createSource(request: { name: string; requireSignature?: boolean }): Promise<IssuedSourceView>;
  /** Stops the app and keeps its schema, for a restart with other settings (`options.schema`). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** Domain errors answered as the service answers them; everything else keeps Nest's own answers here. */
@Catch(DomainError)
class DomainErrorFilter extends ApiExceptionFilter {}

/**
 * A Nest app with the sources module on a fresh PostgreSQL schema (or `options.schema`, to restart on one) and a fresh Redis key prefix, the
 * global ValidationPipe and rawBody the service uses, its answers to domain errors, and a POST /test-ingest route behind the guards.
 */
export async function startSourcesTestApp(
  env: Record<string, string> = {},
  options: { schema?: string } = {},
): Promise<SourcesTestApp> {
  const suffix = randomBytes(5).toString('hex');
  const schema = options.schema ?? `ingest_test_${suffix}`;
  const rateLimitKeyPrefix = `ingest-test:${suffix}:ratelimit:`;

  @Module({ imports: [SourcesModule.forRoot({ rateLimitKeyPrefix })], controllers: [TestIngestController] })
  class TestIngestModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformConfigModule.forRoot(IngestConfig, {
        DATABASE_SCHEMA: schema,
        INGEST_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
        INGEST_SECRET_KEY: 'sources-int-test-secret-key',
        ...env,
      }),
      TokenAuthModule.forRoot(IngestConfig, { admin: (config) => config.INGEST_ADMIN_TOKEN }),
      ObservabilityModule.forRoot({ service: 'ingest-sources-test' }),
      DatabaseModule.forRootAsync({
        inject: [IngestConfig],
        useFactory: (config: IngestConfig) => ({
          url: TEST_DATABASE_URL,
          schema,
          poolSize: 4,
          timeouts: { lockMs: config.DATABASE_LOCK_TIMEOUT_MS, poolAcquireMs: config.DATABASE_POOL_ACQUIRE_TIMEOUT_MS },
          entities: SOURCES_ENTITIES,
          migrations: [...PLATFORM_MIGRATIONS, ...SOURCES_MIGRATIONS],
          applicationName: 'ingest-sources-int-test',
        }),
      }),
      RedisModule.forRootAsync({
        useFactory: () => ({ url: TEST_REDIS_URL, connectionName: 'ingest-sources-int-test' }),
      }),
      TestIngestModule,
    ],
  }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ rawBody: true, logger: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new DomainErrorFilter());
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = app.get(DataSource);
  const redis = app.get<Redis>(REDIS_CLIENT);

  const call = (method: string, path: string, options: HttpCallOptions = {}) =>
    httpCall(baseUrl, method, path, options);
  const admin = (method: string, path: string, body?: unknown) =>
    call(method, path, { body, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });

  return {
    schema,
    rateLimitKeyPrefix,
    dataSource,
    redis,
    metrics: app.get<Registry>(METRICS_REGISTRY),
    call,
    admin,
    async createSource(request) {
      const response = await admin('POST', '/admin/sources', request);
      if (response.status !== 201) throw new Error(`creating a source answered ${response.status}`);
      return response.body as IssuedSourceView;
    },
    stop: () => app.close(),
    async close() {
      try {
        await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        const keys = await redis.keys(`${rateLimitKeyPrefix}*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        await app.close();
      }
    },
  };
}
