import { Body, Controller, Delete, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, ApiIdParam, IdParam } from '@handoff/platform-runtime';
import { OutOfOfficeQuery, PauseDto, PeriodDto } from './availability.dto';
import { RepAvailabilityService } from './rep-availability.service';
import { RepDto } from './rep-view.dto';

/** Out of office and pause: what a rep's self-service page or a calendar integration calls. */
@ApiTags('reps')
@ApiIdParam('rep', 'ana-silva')
@AdminOnly()
@ApiOkResponse({ type: RepDto, description: 'The rep as it is now' })
@Controller('reps/:id')
export class RepAvailabilityController {
  constructor(private readonly availability: RepAvailabilityService) {}

  @Post('out-of-office')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add an out-of-office period',
    description: 'Adding a period the rep has already changes nothing; periods already over are dropped.',
  })
  @ApiErrorResponses({
    400: 'from or to is invalid, or to is not after from',
    404: 'No rep has this id',
    409: 'The rep has 100 periods ahead already',
  })
  addOutOfOffice(@IdParam() id: string, @Body() period: PeriodDto): Promise<RepDto> {
    return this.availability.addOutOfOffice(id, period);
  }

  @Delete('out-of-office')
  @ApiOperation({
    summary: 'End out-of-office periods',
    description: 'With from and to: ends that one period (instants compared as instants). Without: ends every period.',
  })
  @ApiErrorResponses({
    400: 'Only one of from and to, or one is invalid',
    404: 'No rep has this id, or no such period',
  })
  endOutOfOffice(@IdParam() id: string, @Query() query: OutOfOfficeQuery): Promise<RepDto> {
    const period = query.from !== undefined && query.to !== undefined ? { from: query.from, to: query.to } : undefined;
    return this.availability.endOutOfOffice(id, period);
  }

  @Post('pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause the rep: no new leads until the instant given' })
  @ApiErrorResponses({ 400: 'until is invalid', 404: 'No rep has this id' })
  pause(@IdParam() id: string, @Body() body: PauseDto): Promise<RepDto> {
    return this.availability.pause(id, body.until);
  }

  @Delete('pause')
  @ApiOperation({ summary: 'End the pause now' })
  @ApiErrorResponses({ 400: 'The id is not a valid id', 404: 'No rep has this id' })
  resume(@IdParam() id: string): Promise<RepDto> {
    return this.availability.resume(id);
  }
}
