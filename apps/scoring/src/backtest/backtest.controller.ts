import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, ApiJsonOrYamlBody } from '@handoff/platform-runtime';
import { BacktestReportDto, BacktestRequest } from './backtest.dto';
import { BacktestService } from './backtest.service';

/** What a candidate model would have done on the recorded history, side by side with the active one. */
@ApiTags('backtest')
@Controller('backtest')
@AdminOnly()
export class BacktestController {
  constructor(private readonly backtests: BacktestService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replay recorded history under a candidate model and the active one, touching nothing live',
    description: 'A 400 lists every invalid field of the candidate model (as model.<field>).',
  })
  @ApiJsonOrYamlBody(BacktestRequest)
  @ApiOkResponse({ type: BacktestReportDto })
  @ApiErrorResponses({ 400: 'The candidate model or `at` is invalid' })
  run(@Body() request: BacktestRequest): Promise<BacktestReportDto> {
    return this.backtests.run(request.model, request.at);
  }
}
