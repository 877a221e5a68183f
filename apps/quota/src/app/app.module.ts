import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { AttainmentModule } from '../attainment/attainment.module';
import { BooksModule } from '../books/books.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { QUOTA_ENTITIES, QUOTA_MIGRATIONS } from '../storage';
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
    AttainmentModule,
    OutcomesModule,
  ],
})
export class AppModule {}
