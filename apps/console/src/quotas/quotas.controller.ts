import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { IdParam } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { QuotaClient, RoutingClient, sendAnswer, ServiceCallErrorFilter, servicePath } from '../upstream';
import { PeriodQuery } from './quotas.dto';

/** The teams and their leaderboards (as JSON, or the CSV quota makes). */
@UseFilters(ServiceCallErrorFilter)
@Controller('api/quotas/teams')
export class QuotasController {
  constructor(
    private readonly quota: QuotaClient,
    private readonly routing: RoutingClient,
  ) {}

  /** Quota keeps no team list of its own: its leaderboards are by the team ids of routing's directory. */
  @Get()
  teams(): Promise<unknown> {
    return this.routing.get('/teams');
  }

  @Get(':id/leaderboard')
  leaderboard(@IdParam() id: string, @Query() { period }: PeriodQuery): Promise<unknown> {
    return this.quota.get(servicePath`/teams/${id}/leaderboard`, { period });
  }

  @Get(':id/leaderboard.csv')
  async leaderboardCsv(
    @IdParam() id: string,
    @Query() { period }: PeriodQuery,
    @Res() response: Response,
  ): Promise<void> {
    sendAnswer(
      response,
      await this.quota.call('GET', servicePath`/teams/${id}/leaderboard.csv`, { query: { period } }),
    );
  }
}
