import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { AssignmentModule } from '../assignment/assignment.module';
import { DirectoryModule } from '../directory/directory.module';
import { PreviewModule } from '../preview/preview.module';
import { RulesModule } from '../rules/rules.module';
import { FairnessModule } from '../fairness/fairness.module';
import { LeadsModule } from '../leads/leads.module';
import { ROUTING_RUNTIME } from './routing.runtime';

@Module({
  imports: [
    ServiceRuntimeModule.forRoot(ROUTING_RUNTIME),
    DirectoryModule,
    RulesModule,
    AssignmentModule,
    PreviewModule,
    LeadsModule,
    FairnessModule,
  ],
})
export class AppModule {}
