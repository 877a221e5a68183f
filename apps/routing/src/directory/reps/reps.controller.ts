import { Body, Controller, Delete, Get, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, RequireToken, ApiIdParam, IdParam, answerPut } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { RepBodyDto } from './rep.dto';
import { RepDto, RepListDto } from './rep-view.dto';
import { RepsService } from './reps.service';

/** Reps as routing sees them: who may take leads, when, how many, in which teams. */
@ApiTags('reps')
@Controller('reps')
export class RepsController {
  constructor(private readonly reps: RepsService) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'Every rep, active or not' })
  @ApiOkResponse({ type: RepListDto })
  async list(): Promise<RepListDto> {
    return { reps: await this.reps.list() };
  }

  @Get(':id')
  @RequireToken('read', 'admin')
  @ApiIdParam('rep', 'ana-silva')
  @ApiOperation({ summary: 'One rep' })
  @ApiOkResponse({ type: RepDto })
  @ApiErrorResponses({ 400: 'The id is not a valid id', 404: 'No rep has this id' })
  get(@IdParam() id: string): Promise<RepDto> {
    return this.reps.get(id);
  }

  @Put(':id')
  @AdminOnly()
  @ApiIdParam('rep', 'ana-silva')
  @ApiOperation({
    summary: 'Create or replace a rep',
    description:
      'The body is the whole rep, except that out-of-office periods and the pause are kept when left out (a ' +
      'sync from an HR system does not end a holiday); send [] or null to clear them.',
  })
  @ApiOkResponse({ type: RepDto, description: 'Replaced' })
  @ApiCreatedResponse({ type: RepDto, description: 'Created' })
  @ApiErrorResponses({ 400: 'A field is invalid or names a team that does not exist: errors lists each' })
  async put(
    @IdParam() id: string,
    @Body() body: RepBodyDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RepDto> {
    return answerPut(response, await this.reps.put(id, body));
  }

  @Delete(':id')
  @AdminOnly()
  @ApiIdParam('rep', 'ana-silva')
  @ApiOperation({
    summary: 'Deactivate a rep',
    description: 'Reps are never deleted, since assignments and decision traces name them: the rep stays, inactive.',
  })
  @ApiOkResponse({ type: RepDto, description: 'The rep, now inactive' })
  @ApiErrorResponses({ 400: 'The id is not a valid id', 404: 'No rep has this id' })
  deactivate(@IdParam() id: string): Promise<RepDto> {
    return this.reps.deactivate(id);
  }
}
