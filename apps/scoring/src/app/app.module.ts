import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { ScoringConfig } from './scoring.config';

@Module({
  imports: [ServiceRuntimeModule.forRoot({ service: 'scoring', config: ScoringConfig })],
})
export class AppModule {}
