import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCsvExport, ApiErrorResponses, RequireToken, sendCsv } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { leaderboardCsv } from './leaderboard-csv';
import { LeaderboardDto } from './leaderboard.dto';
import { LeaderboardService } from './leaderboard.service';
import { IdPath, PeriodQuery } from './read-params.dto';

const ERRORS = {
  400: 'The id is not a valid id, or period is neither a fiscal period id nor a period some quota uses',
  404: 'Neither the team nor any of its members in the period has a quota for it',
  409: 'The team has no quota of its own and its members’ revenue targets are in several currencies',
};

/** A team's attainment and its members ranked, as JSON or CSV. */
@ApiTags('attainment')
@Controller('teams/:id')
export class LeaderboardController {
  constructor(private readonly leaderboards: LeaderboardService) {}

  @Get('leaderboard')
  @RequireToken('read', 'admin')
  @ApiOperation({
    summary: 'The team’s attainment for a period and its members ranked',
    description:
      'The team counts each member’s outcomes made while in it (team history decides, so a rep who moved brings ' +
      'earlier outcomes to the old team and later ones to the new). Its targets are its own quota’s, or else its ' +
      'members’ rolled up. Members are every rep in the team at any time in the period, ranked by revenue ' +
      'attainment ratio, then deals won, then rep id.',
  })
  @ApiOkResponse({ type: LeaderboardDto })
  @ApiErrorResponses(ERRORS)
  leaderboard(@Param() { id }: IdPath, @Query() { period }: PeriodQuery): Promise<LeaderboardDto> {
    return this.leaderboards.ofTeam(id, period);
  }

  @Get('leaderboard.csv')
  @RequireToken('read', 'admin')
  @ApiOperation({
    summary: 'The team’s leaderboard rows as CSV',
    description: 'One line per member in rank order, the columns of the JSON rows; empty cells for null.',
  })
  @ApiCsvExport('team-<id>-<period>-leaderboard.csv')
  @ApiErrorResponses(ERRORS)
  async leaderboardCsv(
    @Param() { id }: IdPath,
    @Query() { period }: PeriodQuery,
    @Res() response: Response,
  ): Promise<void> {
    const leaderboard = await this.leaderboards.ofTeam(id, period);
    sendCsv(response, `team-${id}-${leaderboard.period.id}-leaderboard.csv`, leaderboardCsv(leaderboard.members));
  }
}
