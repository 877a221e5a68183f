import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DeadLettersModule } from '../dead-letters/dead-letters.module';
import { LeadsModule } from '../leads/leads.module';
import { ModelsModule } from '../models/models.module';
import { PipelineModule } from '../pipeline/pipeline.module';
import { QuotasModule } from '../quotas/quotas.module';
import { RoutingModule } from '../routing/routing.module';
import { UpstreamModule } from '../upstream';
import { CONSOLE_RUNTIME } from './console.runtime';

@Module({
  imports: [
    ServiceRuntimeModule.forRoot(CONSOLE_RUNTIME),
    AuthModule,
    AuditModule,
    UpstreamModule,
    PipelineModule,
    LeadsModule,
    ModelsModule,
    RoutingModule,
    QuotasModule,
    DeadLettersModule,
  ],
})
export class AppModule {}
