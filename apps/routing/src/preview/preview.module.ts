import { Module } from '@nestjs/common';
import { AssignmentModule } from '../assignment/assignment.module';
import { BacktestService } from './backtest.service';
import { DryRunService } from './dry-run.service';
import { PreviewController } from './preview.controller';

/** Dry run and backtest: routing's decisions tried out over the live context, read only. */
@Module({
  imports: [AssignmentModule],
  controllers: [PreviewController],
  providers: [DryRunService, BacktestService],
})
export class PreviewModule {}
