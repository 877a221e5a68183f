import { Module } from '@nestjs/common';
import { Outbox } from '@handoff/platform-database';
import { ModelsModule } from '../models/models.module';
import { PredictionModule } from '../prediction/prediction.module';
import { ScoringModule } from '../scoring/scoring.module';
import { DecaySweep } from './decay-sweep.service';
import { HistoryRetention } from './history-retention.service';

/** The scoring service's periodic jobs: announcing leads that went cold, and pruning old recorded inputs. */
@Module({
  imports: [ModelsModule, PredictionModule, ScoringModule],
  providers: [DecaySweep, HistoryRetention, Outbox],
})
export class SweepModule {}
