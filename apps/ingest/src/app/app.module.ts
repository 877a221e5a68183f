import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { CONTACTS_MIGRATIONS } from '../contacts';
import { EngagementModule } from '../engagement/engagement.module';
import { IDENTITY_MIGRATIONS } from '../identity';
import { SOURCES_ENTITIES, SOURCES_MIGRATIONS } from '../sources';
import { IngestConfig } from './ingest.config';

@Module({
  imports: [
    ServiceRuntimeModule.forRoot({
      service: 'ingest',
      config: IngestConfig,
      entities: SOURCES_ENTITIES,
      migrations: [...IDENTITY_MIGRATIONS, ...SOURCES_MIGRATIONS, ...CONTACTS_MIGRATIONS],
      tokens: { admin: (config) => config.INGEST_ADMIN_TOKEN, contact: (config) => config.INGEST_CONTACT_TOKEN },
    }),
    EngagementModule,
  ],
})
export class AppModule {}
