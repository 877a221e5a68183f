import { Body, Controller, Delete, Get, HttpCode, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, RequireToken, ApiIdParam, IdParam, answerPut } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { TeamBodyDto, TeamDto, TeamListDto } from './team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @RequireToken('read', 'admin')
  @ApiOperation({ summary: 'Every team' })
  @ApiOkResponse({ type: TeamListDto })
  async list(): Promise<TeamListDto> {
    return { teams: await this.teams.list() };
  }

  @Get(':id')
  @RequireToken('read', 'admin')
  @ApiIdParam('team', 'emea-smb')
  @ApiOperation({ summary: 'One team' })
  @ApiOkResponse({ type: TeamDto })
  @ApiErrorResponses({ 400: 'The id is not a valid id', 404: 'No team has this id' })
  get(@IdParam() id: string): Promise<TeamDto> {
    return this.teams.get(id);
  }

  @Put(':id')
  @AdminOnly()
  @ApiIdParam('team', 'emea-smb')
  @ApiOperation({ summary: 'Create or rename a team', description: 'Reps join a team through their teamIds.' })
  @ApiOkResponse({ type: TeamDto, description: 'Replaced' })
  @ApiCreatedResponse({ type: TeamDto, description: 'Created' })
  @ApiErrorResponses({ 400: 'A field is invalid: errors lists each' })
  async put(@IdParam() id: string, @Body() body: TeamBodyDto, @Res({ passthrough: true }) response: Response) {
    return answerPut<TeamDto>(response, await this.teams.put(id, body));
  }

  @Delete(':id')
  @AdminOnly()
  @HttpCode(204)
  @ApiIdParam('team', 'emea-smb')
  @ApiOperation({ summary: 'Delete a team no rep or pool names any more' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses({ 404: 'No team has this id', 409: 'Reps or pools still name the team (errors lists them)' })
  delete(@IdParam() id: string): Promise<void> {
    return this.teams.delete(id);
  }
}
