import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { AttainmentModule } from '../attainment/attainment.module';
import { BooksModule } from '../books/books.module';
import { LimitsModule } from '../limits/limits.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { QuotasModule } from '../quotas/quotas.module';
import { RatesModule } from '../rates/rates.module';
import { TeamsModule } from '../teams/teams.module';
import { QUOTA_RUNTIME } from './quota.runtime';

@Module({
  imports: [
    ServiceRuntimeModule.forRoot(QUOTA_RUNTIME),
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
