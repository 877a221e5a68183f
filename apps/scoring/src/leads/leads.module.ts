import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module';
import { PredictionModule } from '../prediction/prediction.module';
import { ScoringModule } from '../scoring/scoring.module';
import { LeadScoreController } from './lead-score.controller';
import { LeadScoreService } from './lead-score.service';
import { LedgerReader } from './ledger.reader';

@Module({
  imports: [ModelsModule, PredictionModule, ScoringModule],
  controllers: [LeadScoreController],
  providers: [LeadScoreService, LedgerReader],
})
export class LeadsModule {}
