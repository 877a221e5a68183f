import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IngestConfig } from '../app/ingest.config';
import { AdminSecretKeyController } from './admin-secret-key.controller';
import { AdminSourcesController } from './admin-sources.controller';
import { KafkaInboundSource1764600000000 } from './kafka-inbound-source.migration';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimiter } from './rate-limiter.service';
import { encryptedTable } from './encrypted-table';
import { SecretKeyringModule } from './secret-keyring.module';
import { SigningSecretRotation1765000000000 } from './signing-secret-rotation.migration';
import { SourceAuthGuard } from './source-auth.guard';
import { SourceLookup } from './source-lookup.service';
import { Source } from './source.entity';
import { SourcesTables1764500000000 } from './sources-tables.migration';
import { resolveSourcesOptions, SOURCES_OPTIONS, type SourcesModuleOptions } from './sources.options';
import { SourcesMetrics } from './sources.metrics';
import { SourcesService } from './sources.service';
import { SourcesStore } from './sources.store';

/** Pass to ServiceRuntimeModule.forRoot({ entities, migrations }). */
export const SOURCES_ENTITIES = [Source];
export const SOURCES_MIGRATIONS = [
  SourcesTables1764500000000,
  KafkaInboundSource1764600000000,
  SigningSecretRotation1765000000000,
];

/**
 * Sources, their write keys and signing secrets, the /admin/sources and /admin/secret-key APIs (the secret
 * keyring, SecretKeyringModule, comes with it), plus the guards for ingestion routes:
 * `@UseGuards(SourceAuthGuard, RateLimitGuard)`. Needs IngestConfig (PlatformConfigModule), the
 * DataSource (DatabaseModule with SOURCES_ENTITIES/MIGRATIONS), REDIS_CLIENT and METRICS_REGISTRY.
 */
@Module({})
export class SourcesModule {
  static forRoot(options: SourcesModuleOptions = {}): DynamicModule {
    return {
      module: SourcesModule,
      imports: [TypeOrmModule.forFeature(SOURCES_ENTITIES), SecretKeyringModule],
      controllers: [AdminSourcesController, AdminSecretKeyController],
      providers: [
        {
          provide: SOURCES_OPTIONS,
          inject: [IngestConfig],
          useFactory: (config: IngestConfig) =>
            resolveSourcesOptions({ unknownKeyCacheTtlMs: config.INGEST_UNKNOWN_KEY_CACHE_TTL_MS, ...options }),
        },
        // The signing secrets (current and previous), bound to the source id.
        encryptedTable({
          name: 'sources',
          ownerIdColumn: 'id',
          columns: ['signing_secret_encrypted', 'previous_signing_secret_encrypted'],
        }),
        SourcesMetrics,
        SourcesStore,
        SourceLookup,
        SourcesService,
        RateLimiter,
        SourceAuthGuard,
        RateLimitGuard,
      ],
      // Guards named in @UseGuards are built in the importing module, so their dependencies are exported too.
      exports: [SourceAuthGuard, RateLimitGuard, SourceLookup, RateLimiter, SourcesMetrics],
    };
  }
}
