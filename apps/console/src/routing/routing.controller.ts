import { Body, Controller, Get, Post, Query, Res, UseFilters } from '@nestjs/common';
import { IdParam } from '@handoff/platform-runtime';
import type { Response } from 'express';
import {
  RoutingClient,
  sendAnswer,
  type ServiceBody,
  ServiceCallErrorFilter,
  servicePath,
  VersionParam,
} from '../upstream';
import { FairnessQuery } from './routing.dto';

/** Routing's rule sets, dry runs, pools and waiting queue: all reads (a dry run changes nothing). */
@UseFilters(ServiceCallErrorFilter)
@Controller('api/routing')
export class RoutingController {
  constructor(private readonly routing: RoutingClient) {}

  @Get('rules')
  rules(): Promise<unknown> {
    return this.routing.get('/routing/rules');
  }

  @Get('rules/active')
  activeRules(): Promise<unknown> {
    return this.routing.get('/routing/rules/active');
  }

  @Get('rules/:version')
  ruleSet(@VersionParam() version: string): Promise<unknown> {
    return this.routing.get(servicePath`/routing/rules/${version}`);
  }

  /** Routing validates the sample lead and the optional rule set; its 400 passes through. */
  @Post('dry-run')
  async dryRun(@Body() body: ServiceBody, @Res() response: Response): Promise<void> {
    sendAnswer(response, await this.routing.call('POST', '/routing/dry-run', { body }));
  }

  @Get('pools')
  pools(): Promise<unknown> {
    return this.routing.get('/pools');
  }

  @Get('pools/:id/fairness')
  fairness(@IdParam() id: string, @Query() { from, to }: FairnessQuery): Promise<unknown> {
    return this.routing.get(servicePath`/pools/${id}/fairness`, { from, to });
  }

  @Get('queue')
  queue(): Promise<unknown> {
    return this.routing.get('/routing/queue');
  }
}
