export * from './lib/service.config';
export * from './lib/service-runtime.module';
export * from './lib/bootstrap-service';
