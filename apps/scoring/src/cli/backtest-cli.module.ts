import { Module } from '@nestjs/common';
import { PlatformConfigModule } from '@handoff/platform-config';
import { DatabaseModule } from '@handoff/platform-database';
import { ScoringConfig } from '../app/scoring.config';
import { BacktestService } from '../backtest/backtest.service';
import { HistoryReader } from '../backtest/history.reader';
import { defaultScoringModelProvider } from '../models/model-file';
import { ModelRegistry } from '../models/model-registry.service';
import { SCORING_ENTITIES } from '../storage';

/** Only what a backtest reads: config and the scoring schema, never migrated or written from here. */
@Module({
  imports: [
    PlatformConfigModule.forRoot(ScoringConfig),
    DatabaseModule.forRootAsync({
      inject: [ScoringConfig],
      useFactory: (config: ScoringConfig) => ({
        url: config.DATABASE_URL,
        schema: config.DATABASE_SCHEMA,
        poolSize: 2,
        applicationName: 'scoring-backtest',
        entities: SCORING_ENTITIES,
        migrateAtBoot: false,
      }),
    }),
  ],
  providers: [defaultScoringModelProvider(), ModelRegistry, HistoryReader, BacktestService],
})
export class BacktestCliModule {}
