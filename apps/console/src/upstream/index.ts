export * from './service-answer';
export * from './service-call.error';
export * from './service-call-error.filter';
export * from './service-client';
export * from './service-clients';
export * from './upstream.module';
export * from './version.param';
export * from './service-body';
