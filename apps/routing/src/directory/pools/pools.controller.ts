import { Body, Controller, Delete, Get, HttpCode, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, RequireToken, ApiIdParam, IdParam, answerPut } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { PoolBodyDto, PoolDto, PoolListDto } from './pool.dto';
import { PoolsService } from './pools.service';

@ApiTags('pools')
@Controller('pools')
export class PoolsController {
  constructor(private readonly pools: PoolsService) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'Every pool' })
  @ApiOkResponse({ type: PoolListDto })
  async list(): Promise<PoolListDto> {
    return { pools: await this.pools.list() };
  }

  @Get(':id')
  @RequireToken('read', 'admin')
  @ApiIdParam('pool', 'emea-inbound')
  @ApiOperation({ summary: 'One pool' })
  @ApiOkResponse({ type: PoolDto })
  @ApiErrorResponses({ 400: 'The id is not a valid id', 404: 'No pool has this id' })
  get(@IdParam() id: string): Promise<PoolDto> {
    return this.pools.get(id);
  }

  @Put(':id')
  @AdminOnly()
  @ApiIdParam('pool', 'emea-inbound')
  @ApiOperation({
    summary: 'Create or replace a pool',
    description: 'Members are every rep of teamIds plus repIds; both must name existing teams and reps.',
  })
  @ApiOkResponse({ type: PoolDto, description: 'Replaced' })
  @ApiCreatedResponse({ type: PoolDto, description: 'Created' })
  @ApiErrorResponses({ 400: 'A field is invalid or names a team or rep that does not exist: errors lists each' })
  async put(@IdParam() id: string, @Body() body: PoolBodyDto, @Res({ passthrough: true }) response: Response) {
    return answerPut<PoolDto>(response, await this.pools.put(id, body));
  }

  @Delete(':id')
  @AdminOnly()
  @HttpCode(204)
  @ApiIdParam('pool', 'emea-inbound')
  @ApiOperation({ summary: 'Delete a pool' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses({ 404: 'No pool has this id' })
  delete(@IdParam() id: string): Promise<void> {
    return this.pools.delete(id);
  }
}
