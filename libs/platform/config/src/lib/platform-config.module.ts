import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { ConfigConstructor } from './config-fragments';
import { PlatformConfig } from './platform.config';
import { validateConfig } from './validate-config';

/**
 * Validates the service's config class and provides the typed instance under the class itself
 * (inject `IngestConfig`) and under `PlatformConfig` for the platform libs. `ConfigService` serves
 * the same validated values.
 */
@Module({})
export class PlatformConfigModule {
  // Not a ConfigurableModuleBuilder module: it validates at declaration and provides under the caller's class.
  static forRoot<T extends PlatformConfig>(
    configClass: ConfigConstructor<T>,
    env: Record<string, unknown> = process.env,
  ): DynamicModule {
    // Validated here, synchronously, so a bad variable stops the boot with one clear error thrown
    // where the AppModule is declared, instead of as a rejected import promise inside Nest's scanner.
    const config = validateConfig(configClass)(env);
    return {
      module: PlatformConfigModule,
      global: true,
      imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: () => config })],
      providers: [{ provide: configClass, useValue: config }, ...platformAlias(configClass)],
      exports: [configClass, PlatformConfig],
    };
  }
}

/** Services register a subclass; PlatformConfig itself (in tests) needs no alias to itself. */
function platformAlias(configClass: ConfigConstructor<PlatformConfig>) {
  return configClass === PlatformConfig ? [] : [{ provide: PlatformConfig, useExisting: configClass }];
}
