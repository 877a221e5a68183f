import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, RequireToken } from '@handoff/platform-runtime';
import { IdPath, PeriodQuery } from './read-params.dto';
import { RepAttainmentDto } from './rep-attainment.dto';
import { RepAttainmentService } from './rep-attainment.service';

/** How far a rep is towards their quota and whether ahead or behind pace. */
@ApiTags('attainment')
@Controller('reps/:id/attainment')
export class AttainmentController {
  constructor(private readonly attainment: RepAttainmentService) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({
    summary: 'The rep’s attainment of their quota for a period, pace and forecast, with workload and team now',
    description:
      'Revenue won in another currency counts at the rate valid on its close date; without one it is listed in ' +
      'pendingConversion and not counted. restated: an outcome of the period was recorded after it closed.',
  })
  @ApiOkResponse({ type: RepAttainmentDto })
  @ApiErrorResponses({
    400: 'The id is not a valid id, or period is neither a fiscal period id nor a period some quota uses',
    404: 'The rep has no quota for the period',
  })
  ofRep(@Param() { id }: IdPath, @Query() { period }: PeriodQuery): Promise<RepAttainmentDto> {
    return this.attainment.ofRep(id, period);
  }
}
