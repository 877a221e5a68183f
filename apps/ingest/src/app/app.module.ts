import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { EngagementModule } from '../engagement/engagement.module';
import { INGEST_RUNTIME } from './ingest.runtime';

@Module({
  imports: [ServiceRuntimeModule.forRoot(INGEST_RUNTIME), EngagementModule],
})
export class AppModule {}
