import { Body, Controller, Get, Post, Query, Res, UseFilters } from '@nestjs/common';
import type { LeadSearchResult, LeadSummary } from '@handoff/console-api';
import { UuidParam } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator';
import { RequireRole } from '../auth/require-role.decorator';
import {
  IngestContactClient,
  RoutingClient,
  ScoringClient,
  sendAnswer,
  ServiceCallErrorFilter,
  servicePath,
} from '../upstream';
import { LeadSearchQuery, PageLimitQuery, ReassignBody, ScoreHistoryQuery, ScoreQuery } from './leads.dto';
import { LeadSearchService } from './lead-search.service';

/** The lead pages: search, the newest MQLs, a lead's score, routing and (admins) contact details. */
@UseFilters(ServiceCallErrorFilter)
@Controller('api/leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadSearchService,
    private readonly scoring: ScoringClient,
    private readonly routing: RoutingClient,
    private readonly contacts: IngestContactClient,
  ) {}

  @Get('search')
  search(@Query() { q }: LeadSearchQuery): Promise<LeadSearchResult> {
    return this.leads.search(q);
  }

  @Get('mqls')
  async mqls(@Query() { limit }: PageLimitQuery): Promise<LeadSummary[]> {
    return (await this.scoring.get<{ leads: LeadSummary[] }>('/leads/qualified', { limit })).leads;
  }

  @Get(':id/score')
  score(@UuidParam('id', 'lead id') id: string, @Query() { at }: ScoreQuery): Promise<unknown> {
    return this.scoring.get(servicePath`/leads/${id}/score`, { at });
  }

  @Get(':id/score/history')
  history(@UuidParam('id', 'lead id') id: string, @Query() { cursor, limit }: ScoreHistoryQuery): Promise<unknown> {
    return this.scoring.get(servicePath`/leads/${id}/score/history`, { cursor, limit });
  }

  @Get(':id/score/stages')
  stages(@UuidParam('id', 'lead id') id: string): Promise<unknown> {
    return this.scoring.get(servicePath`/leads/${id}/score/stages`);
  }

  @Get(':id/routing')
  routingOf(@UuidParam('id', 'lead id') id: string): Promise<unknown> {
    return this.routing.get(servicePath`/leads/${id}/routing`);
  }

  @Get(':id/contact')
  @RequireRole('admin')
  @Audited('lead.contact.read', 'id')
  contact(@UuidParam('id', 'lead id') id: string): Promise<unknown> {
    return this.contacts.get(servicePath`/leads/${id}/contact`);
  }

  @Post(':id/reassign')
  @RequireRole('admin')
  @Audited('lead.reassign', 'id')
  async reassign(
    @UuidParam('id', 'lead id') id: string,
    @Body() body: ReassignBody,
    @Res() response: Response,
  ): Promise<void> {
    sendAnswer(response, await this.routing.call('POST', servicePath`/leads/${id}/reassign`, { body }));
  }
}
