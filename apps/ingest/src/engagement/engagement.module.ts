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
import { loadSegmentMapping } from './segment/segment-event-mapping';
import { SegmentMapper } from './segment/segment-mapper';
import { SegmentController } from './segment/segment.controller';

/** The ingestion APIs (native HTTP, Segment-compatible HTTP, Kafka inbound) and what records their events. */
@Module({
  imports: [IdentityModule, SourcesModule.forRoot(), ContactsModule],
  controllers: [NativeEventsController, SegmentController],
  providers: [
    DedupeStore,
    EngagementRecorder,
    IngestionService,
    InboundEngagementConsumer,
    {
      provide: SegmentMapper,
      inject: [IngestConfig],
      useFactory: (config: IngestConfig) => new SegmentMapper(loadSegmentMapping(config.INGEST_SEGMENT_MAPPING_FILE)),
    },
  ],
  exports: [EngagementRecorder],
})
export class EngagementModule {}
