import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, ApiIdParam, IdParam, RequireToken } from '@handoff/platform-runtime';
import { TeamHistoryBodyDto, TeamHistoryDto, TeamMembersDto, TeamMembersQuery } from './team-history.dto';
import { TeamHistoryService } from './team-history.service';

/**
 * Team history as quota needs it: team quotas roll up their members' outcomes for the time each was a member.
 * Routing's teams say who takes leads now; this says who was in which team when.
 */
@ApiTags('teams')
@Controller()
export class TeamHistoryController {
  constructor(private readonly teams: TeamHistoryService) {}

  @Get('reps/:id/teams')
  @RequireToken('read', 'admin')
  @ApiIdParam('rep', 'ana-silva')
  @ApiOperation({ summary: 'A rep’s team history', description: 'Empty when none was set.' })
  @ApiOkResponse({ type: TeamHistoryDto })
  @ApiErrorResponses({ 400: 'The id is not a valid id' })
  async history(@IdParam() repId: string): Promise<TeamHistoryDto> {
    return { repId, memberships: await this.teams.history(repId) };
  }

  @Put('reps/:id/teams')
  @AdminOnly()
  @ApiIdParam('rep', 'ana-silva')
  @ApiOperation({
    summary: 'Replace a rep’s team history',
    description: 'The body is the whole history; a rep is in one team at a time, so memberships may not overlap.',
  })
  @ApiOkResponse({ type: TeamHistoryDto, description: 'The history as stored' })
  @ApiErrorResponses({ 400: 'A membership is invalid or overlaps another: errors lists each (memberships[i].field)' })
  async replace(@IdParam() repId: string, @Body() body: TeamHistoryBodyDto): Promise<TeamHistoryDto> {
    return { repId, memberships: await this.teams.replace(repId, body.memberships) };
  }

  @Get('teams/:id/members')
  @RequireToken('read', 'admin')
  @ApiIdParam('team', 'emea-smb')
  @ApiOperation({ summary: 'The reps in a team at an instant (now by default)' })
  @ApiOkResponse({ type: TeamMembersDto })
  @ApiErrorResponses({ 400: 'The id or at is invalid' })
  async members(@IdParam() teamId: string, @Query() query: TeamMembersQuery): Promise<TeamMembersDto> {
    const at = new Date(query.at ?? Date.now()).toISOString();
    return { teamId, at, repIds: await this.teams.membersAt(teamId, at) };
  }
}
