import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { QuotaConfig } from './quota.config';

@Module({
  imports: [ServiceRuntimeModule.forRoot({ service: 'quota', config: QuotaConfig })],
})
export class AppModule {}
