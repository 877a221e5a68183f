export * from './lib/redis.constants';
export * from './lib/redis-client.factory';
export * from './lib/redis.module';
export * from './lib/redis.health';
export * from './lib/redis-script';
