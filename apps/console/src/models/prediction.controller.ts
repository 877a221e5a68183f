import { Controller, Get, UseFilters } from '@nestjs/common';
import { ScoringClient, ServiceCallErrorFilter } from '../upstream';

/** Scoring's conversion prediction: whether it runs, and its trained models. */
@UseFilters(ServiceCallErrorFilter)
@Controller('api/prediction')
export class PredictionController {
  constructor(private readonly scoring: ScoringClient) {}

  @Get('status')
  status(): Promise<unknown> {
    return this.scoring.get('/prediction/status');
  }

  @Get('models')
  models(): Promise<unknown> {
    return this.scoring.get('/prediction/models');
  }
}
