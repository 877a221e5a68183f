import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CONSOLE_RUNTIME } from './console.runtime';

@Module({
  imports: [ServiceRuntimeModule.forRoot(CONSOLE_RUNTIME), AuthModule, AuditModule],
})
export class AppModule {}
