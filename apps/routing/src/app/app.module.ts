import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { AssignmentModule } from '../assignment/assignment.module';
import { DirectoryModule } from '../directory/directory.module';
import { PreviewModule } from '../preview/preview.module';
import { RulesModule } from '../rules/rules.module';
import { FairnessModule } from '../fairness/fairness.module';
import { LeadsModule } from '../leads/leads.module';
import { ROUTING_ENTITIES, ROUTING_MIGRATIONS } from '../storage';
import { RoutingConfig } from './routing.config';

@Module({
  imports: [
    ServiceRuntimeModule.forRoot({
      service: 'routing',
      config: RoutingConfig,
      entities: ROUTING_ENTITIES,
      migrations: ROUTING_MIGRATIONS,
      tokens: { admin: (config) => config.ROUTING_ADMIN_TOKEN, read: (config) => config.ROUTING_READ_TOKEN },
    }),
    DirectoryModule,
    RulesModule,
    AssignmentModule,
    PreviewModule,
    LeadsModule,
    FairnessModule,
  ],
})
export class AppModule {}
