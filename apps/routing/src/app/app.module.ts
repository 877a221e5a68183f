import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { RoutingConfig } from './routing.config';

@Module({
  imports: [ServiceRuntimeModule.forRoot({ service: 'routing', config: RoutingConfig })],
})
export class AppModule {}
