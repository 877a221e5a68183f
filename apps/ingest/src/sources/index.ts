export * from './authenticated-source';
export * from './rate-limit.guard';
export * from './rate-limiter.service';
export * from './request-signature';
export * from './source-auth.guard';
export * from './source.entity';
export * from './sources.module';
export * from './sources.options';
