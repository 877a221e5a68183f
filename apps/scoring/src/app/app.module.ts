import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@handoff/platform-runtime';
import { BacktestModule } from '../backtest/backtest.module';
import { LeadsModule } from '../leads/leads.module';
import { ModelsModule } from '../models/models.module';
import { InsightsModule } from '../insights/insights.module';
import { PredictionModule } from '../prediction/prediction.module';
import { ScoringModule } from '../scoring/scoring.module';
import { SCORING_ENTITIES, SCORING_MIGRATIONS } from '../storage';
import { SweepModule } from '../sweep/sweep.module';
import { ScoringConfig } from './scoring.config';

@Module({
  imports: [
    ServiceRuntimeModule.forRoot({
      service: 'scoring',
      config: ScoringConfig,
      entities: SCORING_ENTITIES,
      migrations: SCORING_MIGRATIONS,
      tokens: { admin: (config) => config.SCORING_ADMIN_TOKEN, read: (config) => config.SCORING_READ_TOKEN },
    }),
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
