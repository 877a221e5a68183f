import { type DynamicModule, type FactoryProvider, type ModuleMetadata, Module } from '@nestjs/common';
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

export interface DatabaseModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: FactoryProvider['inject'];
  useFactory: FactoryProvider<DatabaseModuleOptions | Promise<DatabaseModuleOptions>>['useFactory'];
}

/**
 * The service's TypeORM DataSource (injectable as `DataSource`) on its own schema, migrated at boot, plus
 * DatabaseHealthIndicator for /health/ready.
 */
@Module({})
export class DatabaseModule {
  static forRootAsync(options: DatabaseModuleAsyncOptions): DynamicModule {
    // @nestjs/typeorm hands the data source factory only TypeORM options, so the boot flag travels here.
    let migrateAtBoot = true;
    return {
      module: DatabaseModule,
      imports: [
        TerminusModule,
        TypeOrmModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: async (...args: unknown[]) => {
            const settings = await options.useFactory(...args);
            migrateAtBoot = settings.migrateAtBoot ?? true;
            return createDataSourceOptions(settings);
          },
          dataSourceFactory: (dataSourceOptions) => openDataSource(dataSourceOptions, migrateAtBoot),
        }),
      ],
      providers: [DatabaseHealthIndicator],
      exports: [DatabaseHealthIndicator],
    };
  }
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
