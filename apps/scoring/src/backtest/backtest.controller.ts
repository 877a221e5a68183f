import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import type { BacktestReport } from '@handoff/domain-scoring';
import { AdminTokenGuard } from '@handoff/platform-runtime';
import { IsISO8601, IsObject, IsOptional } from 'class-validator';
import { BacktestService } from './backtest.service';

export class BacktestRequest {
  /** The candidate model (same shape as POST /models). */
  @IsObject()
  model!: Record<string, unknown>;

  /** Replay up to this instant (ISO 8601); default now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

/** What a candidate model would have done on the recorded history, side by side with the active one. */
@Controller('backtest')
@UseGuards(AdminTokenGuard)
export class BacktestController {
  constructor(private readonly backtests: BacktestService) {}

  @Post()
  @HttpCode(200)
  run(@Body() request: BacktestRequest): Promise<BacktestReport> {
    return this.backtests.run(request.model, request.at);
  }
}
