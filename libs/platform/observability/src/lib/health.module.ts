import { ConfigurableModuleBuilder, type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { READINESS_INDICATORS, type ReadinessIndicator } from './readiness-indicator';
import { HEALTH_OPTIONS, type HealthCheckLimits, ReadinessService } from './readiness.service';

/** Options that shape the module's providers, so they are given where it is imported, even with forRootAsync. */
interface HealthModuleDefinition {
  /** Readiness checks, instantiated here; they may inject HealthIndicatorService and any global provider. */
  indicators: Type<ReadinessIndicator>[];
  /** Modules exporting what the indicators inject, when that is not global (forRootAsync reads its own `imports`). */
  imports: NonNullable<ModuleMetadata['imports']>;
}

const { ConfigurableModuleClass } = new ConfigurableModuleBuilder<HealthCheckLimits>({
  optionsInjectionToken: HEALTH_OPTIONS,
})
  .setClassMethodName('forRoot')
  .setExtras<HealthModuleDefinition>({ indicators: [], imports: [] }, withIndicators)
  .build();

/** `HealthModule.forRoot` options: the indicators (and their `imports`) plus the check limits. */
export type HealthModuleOptions = HealthCheckLimits & Partial<HealthModuleDefinition>;

/** GET /health/live and GET /health/ready (terminus) for the given readiness indicators. */
@Module({
  imports: [TerminusModule.forRoot()],
  controllers: [HealthController],
  providers: [ReadinessService],
})
export class HealthModule extends ConfigurableModuleClass {}

function withIndicators(definition: DynamicModule, { indicators, imports }: HealthModuleDefinition): DynamicModule {
  return {
    ...definition,
    imports: [...(definition.imports ?? []), ...imports],
    providers: [
      ...(definition.providers ?? []),
      ...indicators,
      { provide: READINESS_INDICATORS, useFactory: (...list: ReadinessIndicator[]) => list, inject: indicators },
    ],
  };
}
