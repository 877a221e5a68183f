import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module';
import { BacktestController } from './backtest.controller';
import { BacktestService } from './backtest.service';
import { HistoryReader } from './history.reader';

@Module({
  imports: [ModelsModule],
  controllers: [BacktestController],
  providers: [BacktestService, HistoryReader],
})
export class BacktestModule {}
