export * from './lib/service.config';
export * from './lib/service-runtime.module';
export * from './lib/bootstrap-service';
export * from './lib/http/api-error';
export * from './lib/http/api-exception.filter';
export * from './lib/http/validation.pipe';
export * from './lib/http/admin-token.guard';
export * from './lib/http/yaml-body';
