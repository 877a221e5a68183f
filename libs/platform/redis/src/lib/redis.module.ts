import { type DynamicModule, type FactoryProvider, Module, type ModuleMetadata } from '@nestjs/common';
import { createRedisClient } from './redis-client.factory';
import { REDIS_CLIENT, REDIS_OPTIONS, type RedisOptions } from './redis.constants';
import { RedisLifecycle } from './redis.lifecycle';

export interface RedisModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory: FactoryProvider<RedisOptions>['useFactory'];
  inject?: FactoryProvider['inject'];
}

/** Global: one ioredis client under REDIS_CLIENT, closed on shutdown. */
@Module({})
export class RedisModule {
  static forRootAsync(options: RedisModuleAsyncOptions): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: REDIS_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        { provide: REDIS_CLIENT, useFactory: createRedisClient, inject: [REDIS_OPTIONS] },
        RedisLifecycle,
      ],
      exports: [REDIS_CLIENT, REDIS_OPTIONS],
    };
  }
}
