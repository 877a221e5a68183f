import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { PlatformConfig } from '@handoff/platform-config';
import { HttpMetrics } from './http-metrics.service';
import { HttpObservabilityMiddleware } from './http-observability.middleware';
import { JsonLogger } from './json.logger';
import { METRICS_REGISTRY, createMetricsRegistry } from './metrics-registry';
import { MetricsController } from './metrics.controller';

export interface ObservabilityOptions {
  /** Service name on every log line and metric (`service` label). */
  service: string;
}

/**
 * Global: the service's metrics registry (METRICS_REGISTRY) and GET /metrics, the JsonLogger
 * (level from PlatformConfig.LOG_LEVEL; needs PlatformConfigModule) and, for every HTTP route,
 * correlation ids plus request metrics.
 */
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(options.service) },
        {
          provide: JsonLogger,
          useFactory: (config: PlatformConfig) => new JsonLogger({ service: options.service, level: config.LOG_LEVEL }),
          inject: [PlatformConfig],
        },
        HttpMetrics,
      ],
      exports: [METRICS_REGISTRY, JsonLogger],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpObservabilityMiddleware).forRoutes('*');
  }
}
