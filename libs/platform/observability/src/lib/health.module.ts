import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { READINESS_INDICATORS, type ReadinessIndicator } from './readiness-indicator';
import { HEALTH_OPTIONS, type HealthCheckLimits, ReadinessService } from './readiness.service';

export interface HealthModuleOptions extends Partial<HealthCheckLimits> {
  /** Readiness checks, instantiated here; they may inject HealthIndicatorService and any global provider. */
  indicators: Type<ReadinessIndicator>[];
  /** Modules exporting what the indicators inject, when that is not global. */
  imports?: ModuleMetadata['imports'];
}

const DEFAULT_CHECK_TIMEOUT_MS = 3000;

/** GET /health/live and GET /health/ready (terminus) for the given readiness indicators. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    const { indicators } = options;
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot(), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        ...indicators,
        { provide: READINESS_INDICATORS, useFactory: (...list: ReadinessIndicator[]) => list, inject: indicators },
        { provide: HEALTH_OPTIONS, useValue: { timeoutMs: options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS } },
        ReadinessService,
      ],
    };
  }
}
