import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { IngestConfig } from './ingest.config';

@Module({
  imports: [ServiceRuntimeModule.forRoot({ service: 'ingest', config: IngestConfig })],
})
export class AppModule {}
