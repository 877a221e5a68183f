import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { BacktestModule } from '../backtest/backtest.module';
import { LeadsModule } from '../leads/leads.module';
import { ModelsModule } from '../models/models.module';
import { InsightsModule } from '../insights/insights.module';
import { PredictionModule } from '../prediction/prediction.module';
import { ScoringModule } from '../scoring/scoring.module';
import { SweepModule } from '../sweep/sweep.module';
import { SCORING_RUNTIME } from './scoring.runtime';

@Module({
  imports: [
    ServiceRuntimeModule.forRoot(SCORING_RUNTIME),
    ModelsModule,
    ScoringModule,
    LeadsModule,
    SweepModule,
    BacktestModule,
    PredictionModule,
    InsightsModule,
  ],
})
export class AppModule {}
