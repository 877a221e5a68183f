import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module';
import { PredictionModule } from '../prediction/prediction.module';
import { ScoringModule } from '../scoring/scoring.module';
import { LeadListsController } from './lead-lists.controller';
import { LeadListsService } from './lead-lists.service';
import { LeadScoreController } from './lead-score.controller';
import { LeadScoreService } from './lead-score.service';
import { LeadSummaryReader } from './lead-summary.reader';
import { LedgerReader } from './ledger.reader';
import { StageHistoryReader } from './stage-history.reader';

@Module({
  imports: [ModelsModule, PredictionModule, ScoringModule],
  controllers: [LeadScoreController, LeadListsController],
  providers: [LeadScoreService, LedgerReader, StageHistoryReader, LeadListsService, LeadSummaryReader],
})
export class LeadsModule {}
