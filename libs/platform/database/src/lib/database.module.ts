import {
  type ConfigurableModuleAsyncOptions,
  ConfigurableModuleBuilder,
  type DynamicModule,
  Module,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { DatabaseHealthIndicator } from './database.health';
import { type DataSourceSettings, createDataSourceOptions } from './data-source-options.factory';
import { runMigrations } from './migration.runner';

export interface DatabaseModuleOptions extends DataSourceSettings {
  /** Create the schema and apply pending migrations before the DataSource is handed out. Default true. */
  migrateAtBoot?: boolean;
}

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } = new ConfigurableModuleBuilder<DatabaseModuleOptions>({
  moduleName: 'Database',
})
  .setClassMethodName('forRoot')
  .build();

/** `DatabaseModule.forRootAsync` options: `useFactory` + `inject` (or `useClass`/`useExisting`), `imports`. */
export type DatabaseModuleAsyncOptions = ConfigurableModuleAsyncOptions<DatabaseModuleOptions>;

/** Holds the caller's options where TypeORM's factory can inject them: it sees only the modules it imports. */
@Module({ exports: [MODULE_OPTIONS_TOKEN] })
class DatabaseOptionsModule extends ConfigurableModuleClass {}

/**
 * The service's TypeORM DataSource (injectable as `DataSource`) on its own schema, migrated at boot, plus
 * DatabaseHealthIndicator for /health/ready.
 */
@Module({
  imports: [TerminusModule],
  providers: [DatabaseHealthIndicator],
  exports: [DatabaseHealthIndicator],
})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return withDataSource(DatabaseOptionsModule.forRoot(options));
  }

  static forRootAsync(options: DatabaseModuleAsyncOptions): DynamicModule {
    return withDataSource(DatabaseOptionsModule.forRootAsync(options));
  }
}

function withDataSource(optionsModule: DynamicModule): DynamicModule {
  // @nestjs/typeorm hands the data source factory only TypeORM options, so the boot flag travels here.
  let migrateAtBoot = true;
  return {
    module: DatabaseModule,
    imports: [
      TypeOrmModule.forRootAsync({
        imports: [optionsModule],
        inject: [MODULE_OPTIONS_TOKEN],
        useFactory: (settings: DatabaseModuleOptions) => {
          migrateAtBoot = settings.migrateAtBoot ?? true;
          return createDataSourceOptions(settings);
        },
        dataSourceFactory: (dataSourceOptions) => openDataSource(dataSourceOptions, migrateAtBoot),
      }),
    ],
  };
}

async function openDataSource(options: DataSourceOptions | undefined, migrate: boolean): Promise<DataSource> {
  if (!options) throw new Error('DatabaseModule: no data source options');
  const dataSource = await new DataSource(options).initialize();
  try {
    if (migrate) await runMigrations(dataSource);
    return dataSource;
  } catch (error) {
    // @nestjs/typeorm retries with a fresh DataSource; close this pool so retries do not leak connections.
    await dataSource.destroy();
    throw error;
  }
}
