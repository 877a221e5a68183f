import { Module } from '@nestjs/common';
import { PlatformConfigModule } from '@handoff/platform-config';
import { ScoringConfig } from '../app/scoring.config';
import { BacktestService } from '../backtest/backtest.service';
import { HistoryReader } from '../backtest/history.reader';
import { defaultScoringModelProvider } from '../models/model-file';
import { ModelRegistry } from '../models/model-registry.service';
import { cliScoringDatabase } from './cli-database';

/** Only what a backtest reads: config and the scoring schema. */
@Module({
  imports: [PlatformConfigModule.forRoot(ScoringConfig), cliScoringDatabase('scoring-backtest')],
  providers: [defaultScoringModelProvider(), ModelRegistry, HistoryReader, BacktestService],
})
export class BacktestCliModule {}
