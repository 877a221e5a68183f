import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { AttainmentModule } from '../attainment/attainment.module';
import { BooksModule } from '../books/books.module';
import { LimitsModule } from '../limits/limits.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { QuotasModule } from '../quotas/quotas.module';
import { RatesModule } from '../rates/rates.module';
import { QUOTA_ENTITIES, QUOTA_MIGRATIONS } from '../storage';
import { TeamsModule } from '../teams/teams.module';
import { QuotaConfig } from './quota.config';

@Module({
  imports: [
    ServiceRuntimeModule.forRoot({
      service: 'quota',
      config: QuotaConfig,
      entities: QUOTA_ENTITIES,
      migrations: QUOTA_MIGRATIONS,
      tokens: { admin: (config) => config.QUOTA_ADMIN_TOKEN, read: (config) => config.QUOTA_READ_TOKEN },
    }),
    BooksModule,
    QuotasModule,
    TeamsModule,
    RatesModule,
    LimitsModule,
    AttainmentModule,
    OutcomesModule,
  ],
})
export class AppModule {}
