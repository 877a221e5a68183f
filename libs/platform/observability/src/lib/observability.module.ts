import { ConfigurableModuleBuilder, Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { PlatformConfig } from '@handoff/platform-config';
import { HttpMetrics } from './http-metrics.service';
import { HttpObservabilityMiddleware } from './http-observability.middleware';
import { HttpTracingMiddleware } from './http-tracing.middleware';
import { JsonLogger } from './json.logger';
import { METRICS_REGISTRY, createMetricsRegistry } from './metrics-registry';
import { MetricsController } from './metrics.controller';
import { MetricsServer } from './metrics-server';

export interface ObservabilityOptions {
  /** Service name on every log line and metric (`service` label). */
  service: string;
}

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<ObservabilityOptions>({
  moduleName: 'Observability',
})
  .setClassMethodName('forRoot')
  .build();

/**
 * Global: the service's metrics registry (METRICS_REGISTRY) and GET /metrics (on METRICS_PORT when set), the JsonLogger
 * (level from PlatformConfig.LOG_LEVEL; needs PlatformConfigModule) and, for every HTTP route,
 * correlation ids, request metrics and (with tracing on) a SERVER span.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: METRICS_REGISTRY,
      useFactory: (options: ObservabilityOptions) => createMetricsRegistry(options.service),
      inject: [MODULE_OPTIONS_TOKEN],
    },
    {
      provide: JsonLogger,
      useFactory: (options: ObservabilityOptions, config: PlatformConfig) =>
        new JsonLogger({ service: options.service, level: config.LOG_LEVEL }),
      inject: [MODULE_OPTIONS_TOKEN, PlatformConfig],
    },
    HttpMetrics,
    MetricsServer,
  ],
  exports: [METRICS_REGISTRY, JsonLogger],
})
export class ObservabilityModule extends ConfigurableModuleClass implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Tracing first, so the correlation scope and everything below it run inside the request's span.
    consumer.apply(HttpTracingMiddleware, HttpObservabilityMiddleware).forRoutes('*');
  }
}
