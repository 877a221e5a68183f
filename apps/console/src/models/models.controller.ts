import { Body, Controller, Get, Post, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator';
import { RequireRole } from '../auth/require-role.decorator';
import {
  ScoringClient,
  sendAnswer,
  type ServiceBody,
  ServiceCallErrorFilter,
  servicePath,
  VersionParam,
} from '../upstream';

/** Scoring's rule models: versions, their insights, backtests, and activation (rolling back is activating). */
@UseFilters(ServiceCallErrorFilter)
@Controller('api/models')
export class ModelsController {
  constructor(private readonly scoring: ScoringClient) {}

  @Get()
  list(): Promise<unknown> {
    return this.scoring.get('/models');
  }

  @Get(':version')
  get(@VersionParam() version: string): Promise<unknown> {
    return this.scoring.get(servicePath`/models/${version}`);
  }

  @Get(':version/insights')
  insights(@VersionParam() version: string): Promise<unknown> {
    return this.scoring.get(servicePath`/models/${version}/insights`);
  }

  /** Scoring validates the candidate model and names every invalid field; its 400 passes through. */
  @Post('backtest')
  async backtest(@Body() body: ServiceBody, @Res() response: Response): Promise<void> {
    sendAnswer(response, await this.scoring.call('POST', '/backtest', { body }));
  }

  @Post(':version/activate')
  @RequireRole('admin')
  @Audited('model.activate', 'version')
  async activate(@VersionParam() version: string, @Res() response: Response): Promise<void> {
    sendAnswer(response, await this.scoring.call('POST', servicePath`/models/${version}/activate`));
  }
}
