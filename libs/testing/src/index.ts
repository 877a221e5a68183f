export * from './lib/test-infrastructure';
export * from './lib/topic-reader';
export * from './lib/service-process';
export * from './lib/topic-writer';
export * from './lib/http-call';
export * from './lib/openapi-document';
export * from './lib/consumer-groups';
export * from './lib/service-stack';
