import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, RequireToken } from '@handoff/platform-runtime';
import { PeriodSummaryDto } from './period-summary.dto';
import { PeriodSummaryService } from './period-summary.service';
import { IdPath } from './read-params.dto';

/** A period at a glance for sales leadership. */
@ApiTags('attainment')
@Controller('periods/:id/summary')
export class PeriodSummaryController {
  constructor(private readonly summaries: PeriodSummaryService) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({
    summary: 'A period’s revenue per currency, reps by pace, restated quotas and each team’s roll-up',
    description: 'The id is a fiscal period id (FY2027, FY2027-Q1, FY2027-M03) or a custom period some quota uses.',
  })
  @ApiOkResponse({ type: PeriodSummaryDto })
  @ApiErrorResponses({
    400: 'The id is neither a fiscal period id nor a period some quota uses',
    404: 'No quota is set for the period',
  })
  summary(@Param() { id }: IdPath): Promise<PeriodSummaryDto> {
    return this.summaries.ofPeriod(id);
  }
}
