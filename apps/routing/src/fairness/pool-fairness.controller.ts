import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiIdParam, IdParam, RequireToken } from '@handoff/platform-runtime';
import { FairnessQuery, PoolFairnessDto } from './fairness.dto';
import { PoolFairnessService } from './pool-fairness.service';

@ApiTags('pools')
@Controller('pools/:id/fairness')
export class PoolFairnessController {
  constructor(private readonly fairness: PoolFairnessService) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiIdParam('pool', 'emea-inbound')
  @ApiOperation({
    summary: 'How evenly the pool shared its leads over a window, and how long leads waited in its queue',
    description:
      'Each rep’s assignments in [from, to) against their share of the active members’ current weights, the ' +
      'largest deviation, and time-in-queue percentiles of the leads that waited.',
  })
  @ApiOkResponse({ type: PoolFairnessDto })
  @ApiErrorResponses({
    400: 'The id is not a valid id, from or to is not an instant, or from is not before to',
    404: 'No pool has this id',
  })
  report(@IdParam() id: string, @Query() query: FairnessQuery): Promise<PoolFairnessDto> {
    return this.fairness.report(id, query);
  }
}
