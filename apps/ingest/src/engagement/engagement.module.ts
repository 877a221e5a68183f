import { Module } from '@nestjs/common';
import { IngestConfig } from '../app/ingest.config';
import { ContactsModule } from '../contacts';
import { IdentityModule } from '../identity';
import { SourcesModule } from '../sources';
import { DedupeStore } from './dedupe.store';
import { EngagementRecorder } from './engagement-recorder.service';
import { InboundEngagementConsumer } from './inbound-engagement.consumer';
import { IngestionService } from './ingestion.service';
import { NativeEventsController } from './native-events.controller';
import { ReservedPublisher } from './reserved-publisher';
import { CRM_MAPPINGS, loadCrmMappings } from '../sales-activity/crm-mapping';
import { SalesActivityRecorder } from '../sales-activity/sales-activity-recorder.service';
import { SalesActivityController } from '../sales-activity/sales-activity.controller';
import { loadSegmentMapping } from './segment/segment-event-mapping';
import { SegmentMapper } from './segment/segment-mapper';
import { SegmentController } from './segment/segment.controller';

/**
 * The ingestion APIs (native HTTP, Segment-compatible HTTP, Kafka inbound, sales outcomes over HTTP) and what
 * records their events.
 */
@Module({
  imports: [IdentityModule, SourcesModule.forRoot(), ContactsModule],
  controllers: [NativeEventsController, SegmentController, SalesActivityController],
  providers: [
    DedupeStore,
    ReservedPublisher,
    EngagementRecorder,
    SalesActivityRecorder,
    IngestionService,
    InboundEngagementConsumer,
    {
      provide: SegmentMapper,
      inject: [IngestConfig],
      useFactory: (config: IngestConfig) => new SegmentMapper(loadSegmentMapping(config.INGEST_SEGMENT_MAPPING_FILE)),
    },
    {
      provide: CRM_MAPPINGS,
      inject: [IngestConfig],
      useFactory: (config: IngestConfig) => loadCrmMappings(config.INGEST_CRM_MAPPINGS_FILE),
    },
  ],
  exports: [EngagementRecorder],
})
export class EngagementModule {}
