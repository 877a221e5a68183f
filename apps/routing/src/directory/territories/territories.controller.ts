import { Body, Controller, Delete, Get, HttpCode, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, RequireToken, ApiIdParam, IdParam, answerPut } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { TerritoriesService } from './territories.service';
import { TerritoryBodyDto, TerritoryDto, TerritoryListDto } from './territory.dto';

@ApiTags('territories')
@Controller('territories')
export class TerritoriesController {
  constructor(private readonly territories: TerritoriesService) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'Every territory' })
  @ApiOkResponse({ type: TerritoryListDto })
  async list(): Promise<TerritoryListDto> {
    return { territories: await this.territories.list() };
  }

  @Get(':id')
  @RequireToken('read', 'admin')
  @ApiIdParam('territory', 'dach')
  @ApiOperation({ summary: 'One territory' })
  @ApiOkResponse({ type: TerritoryDto })
  @ApiErrorResponses({ 400: 'The id is not a valid id', 404: 'No territory has this id' })
  get(@IdParam() id: string): Promise<TerritoryDto> {
    return this.territories.get(id);
  }

  @Put(':id')
  @AdminOnly()
  @ApiIdParam('territory', 'dach')
  @ApiOperation({ summary: 'Create or replace a territory' })
  @ApiOkResponse({ type: TerritoryDto, description: 'Replaced' })
  @ApiCreatedResponse({ type: TerritoryDto, description: 'Created' })
  @ApiErrorResponses({ 400: 'A field is invalid: errors lists each' })
  async put(@IdParam() id: string, @Body() body: TerritoryBodyDto, @Res({ passthrough: true }) response: Response) {
    return answerPut<TerritoryDto>(response, await this.territories.put(id, body));
  }

  @Delete(':id')
  @AdminOnly()
  @HttpCode(204)
  @ApiIdParam('territory', 'dach')
  @ApiOperation({ summary: 'Delete a territory' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses({ 404: 'No territory has this id' })
  delete(@IdParam() id: string): Promise<void> {
    return this.territories.delete(id);
  }
}
