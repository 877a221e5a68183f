import { Body, Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, ApiIdParam, IdParam, RequireToken } from '@handoff/platform-runtime';
import { RepLimitBodyDto, RepLimitDto } from './rep-limit.dto';
import { RepLimitsService } from './rep-limits.service';

/** How many open leads a rep may hold: part of the capacity routing reads on rep.capacity.v1. */
@ApiTags('limits')
@ApiIdParam('rep', 'ana-silva')
@ApiOkResponse({ type: RepLimitDto, description: 'The rep’s limit as it is now' })
@Controller('reps/:id/limits')
export class RepLimitsController {
  constructor(private readonly limits: RepLimitsService) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'A rep’s open-lead limit', description: 'QUOTA_DEFAULT_MAX_OPEN_LEADS when none is set.' })
  @ApiErrorResponses({ 400: 'The id is not a valid id' })
  limit(@IdParam() repId: string): Promise<RepLimitDto> {
    return this.limits.limit(repId);
  }

  @Put()
  @AdminOnly()
  @ApiOperation({ summary: 'Set a rep’s open-lead limit' })
  @ApiErrorResponses({ 400: 'maxOpenLeads is not an integer from 0 to 100000' })
  set(@IdParam() repId: string, @Body() body: RepLimitBodyDto): Promise<RepLimitDto> {
    return this.limits.set(repId, body.maxOpenLeads);
  }

  @Delete()
  @AdminOnly()
  @ApiOperation({ summary: 'Return a rep to the default limit', description: 'Answers the default limit.' })
  @ApiErrorResponses({ 400: 'The id is not a valid id' })
  clear(@IdParam() repId: string): Promise<RepLimitDto> {
    return this.limits.clear(repId);
  }
}
