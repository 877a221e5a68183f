import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { CONSOLE_RUNTIME } from './console.runtime';

@Module({
  imports: [ServiceRuntimeModule.forRoot(CONSOLE_RUNTIME)],
})
export class AppModule {}
