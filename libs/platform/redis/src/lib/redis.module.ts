import { type ConfigurableModuleAsyncOptions, ConfigurableModuleBuilder, Global, Module } from '@nestjs/common';
import { createRedisClient } from './redis-client.factory';
import { REDIS_CLIENT, REDIS_OPTIONS, type RedisOptions } from './redis.constants';
import { RedisLifecycle } from './redis.lifecycle';

const { ConfigurableModuleClass } = new ConfigurableModuleBuilder<RedisOptions>({
  optionsInjectionToken: REDIS_OPTIONS,
})
  .setClassMethodName('forRoot')
  .build();

/** `RedisModule.forRootAsync` options: `useFactory` + `inject` (or `useClass`/`useExisting`), `imports`. */
export type RedisModuleAsyncOptions = ConfigurableModuleAsyncOptions<RedisOptions>;

/** Global: one ioredis client under REDIS_CLIENT, closed on shutdown. `forRoot(options)` or `forRootAsync(...)`. */
@Global()
@Module({
  providers: [{ provide: REDIS_CLIENT, useFactory: createRedisClient, inject: [REDIS_OPTIONS] }, RedisLifecycle],
  exports: [REDIS_CLIENT, REDIS_OPTIONS],
})
export class RedisModule extends ConfigurableModuleClass {}
