import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, RequireToken } from '@handoff/platform-runtime';
import { BacktestAnswerDto, BacktestRequest } from './backtest.dto';
import { BacktestService } from './backtest.service';
import { DryRunAnswerDto, DryRunRequest } from './dry-run.dto';
import { DryRunService } from './dry-run.service';

/** Routing tried out without side effects: one sample lead (dry run), or past leads under candidate rules. */
@ApiTags('routing preview')
@Controller('routing')
@RequireToken('read', 'admin')
export class PreviewController {
  constructor(
    private readonly dryRuns: DryRunService,
    private readonly backtests: BacktestService,
  ) {}

  @Post('dry-run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide for a sample lead now, with the full trace, changing nothing',
    description:
      'No side effects: nothing is assigned or stored, no turn order moves and no event is sent, so the read token ' +
      'is enough. Decides under the active rule set, or under ruleSet when given, over the directory, loads, ' +
      'capacities and pool turn order as they are now.',
  })
  @ApiOkResponse({ type: DryRunAnswerDto, description: 'What routing would decide now, and why' })
  @ApiErrorResponses({
    400: 'A lead field or the candidate rule set is invalid: errors names each (lead.<field>, ruleSet.<path>)',
  })
  dryRun(@Body() request: DryRunRequest): Promise<DryRunAnswerDto> {
    return this.dryRuns.run(request);
  }

  @Post('backtest')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replay the latest qualifications under a candidate rule set and the active one, changing nothing',
    description:
      'Read only, so the read token is enough. Each rule set replays the leads in the order they were received, ' +
      'from fresh pool turn orders and today’s loads, as of now; the answer compares the leads per rule, pool and ' +
      'rep and lists the leads that would change pool.',
  })
  @ApiOkResponse({ type: BacktestAnswerDto, description: 'Both replays compared' })
  @ApiErrorResponses({ 400: 'The candidate rule set is invalid, or leads is out of range: errors names each field' })
  backtest(@Body() request: BacktestRequest): Promise<BacktestAnswerDto> {
    return this.backtests.run(request);
  }
}
