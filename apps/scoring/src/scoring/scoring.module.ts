import { Module } from '@nestjs/common';
import { Inbox, Outbox } from '@handoff/platform-database';
import { ChunkTransaction } from '@handoff/platform-kafka';
import { ModelsModule } from '../models/models.module';
import { PredictionModule } from '../prediction/prediction.module';
import { LeadStateStore } from './lead-state.store';
import { ScoringBatch } from './scoring-batch.service';
import { ScoringConsumer } from './scoring.consumer';

/** Consumption: engagements, merges and sales outcomes applied exactly once, results published via the outbox. */
@Module({
  imports: [ModelsModule, PredictionModule],
  providers: [LeadStateStore, ScoringBatch, ScoringConsumer, ChunkTransaction, Inbox, Outbox],
  exports: [LeadStateStore],
})
export class ScoringModule {}
