export * from './lib/platform.config';
export * from './lib/config-fragments';
export * from './lib/kafka-security.config';
export * from './lib/env-transforms';
export * from './lib/validate-config';
export * from './lib/platform-config.module';
export * from './lib/secret';
export * from './lib/is-iana-time-zone';
