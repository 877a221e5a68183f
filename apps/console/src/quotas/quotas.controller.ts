import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { IdParam } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { QuotaClient, sendAnswer, ServiceCallErrorFilter, servicePath } from '../upstream';
import { PeriodQuery } from './quotas.dto';

/** Quota's teams and their leaderboards (as JSON, or the CSV quota makes). */
@UseFilters(ServiceCallErrorFilter)
@Controller('api/quotas/teams')
export class QuotasController {
  constructor(private readonly quota: QuotaClient) {}

  /** Quota keeps no team list of its own: the teams are the owners of its team quotas. */
  @Get()
  teams(@Query() { period }: PeriodQuery): Promise<unknown> {
    return this.quota.get('/quotas', { ownerKind: 'team', period });
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
