import { applyDecorators, Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses, RequireToken, UuidParam } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { AssignmentDto, LeadRoutingDto } from './lead-routing.dto';
import { LeadRoutingService } from './lead-routing.service';
import { ReassignBodyDto } from './reassign.dto';
import { ROUTING_EXPORT_MEDIA_TYPES, type RoutingExportFormat, routingExport } from './routing-export.format';

const LeadId = () => UuidParam('id', 'lead id');
const NOT_SEEN = 'Routing has not seen this lead';

const ExportRoute = (format: RoutingExportFormat, description: string): MethodDecorator =>
  applyDecorators(
    Get(`routing.${format}`),
    RequireToken('read', 'admin'),
    ApiOperation({ summary: `Every decision about the lead as ${format.toUpperCase()}`, description }),
    ApiProduces(ROUTING_EXPORT_MEDIA_TYPES[format]),
    ApiOkResponse({ description: `lead-<id>-routing.${format}, an attachment`, schema: { type: 'string' } }),
    ApiErrorResponses({ 400: 'The id is not a UUID', 404: NOT_SEEN }),
  );

/** Why a lead went where it went, as JSON or a file, and a sales manager's move of it. */
@ApiTags('lead routing')
@ApiParam({ name: 'id', format: 'uuid', description: 'The lead id' })
@Controller('leads/:id')
export class LeadRoutingController {
  constructor(private readonly leads: LeadRoutingService) {}

  @Get('routing')
  @RequireToken('read', 'admin')
  @ApiOperation({
    summary: 'Every routing decision about the lead with its full trace, and every assignment',
    description:
      'Each decision lists the rules tried, the account match, every rep considered with each eligibility check ' +
      'and its outcome, the strategy’s score and who was chosen.',
  })
  @ApiOkResponse({ type: LeadRoutingDto })
  @ApiErrorResponses({ 400: 'The id is not a UUID', 404: NOT_SEEN })
  routing(@LeadId() leadId: string): Promise<LeadRoutingDto> {
    return this.leads.routing(leadId);
  }

  @ExportRoute(
    'csv',
    'One row per candidate per decision (a decision without candidates has one row with empty candidate cells): ' +
      'the decision, its assignment (attempt, status now, SLA), the rules tried, account match and notes, then ' +
      'the candidate and one column per eligibility check ("passed: detail" or "failed: detail").',
  )
  exportCsv(@LeadId() leadId: string, @Res() response: Response): Promise<void> {
    return this.send(response, leadId, 'csv');
  }

  @ExportRoute(
    'ndjson',
    'One line per decision, as in GET /leads/{id}/routing, with `assignment`: the assignment it made as it is now.',
  )
  exportNdjson(@LeadId() leadId: string, @Res() response: Response): Promise<void> {
    return this.send(response, leadId, 'ndjson');
  }

  @Post('reassign')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the lead’s live assignment to another rep (a sales manager’s call)',
    description:
      'The old assignment becomes reassigned, the new one has trigger manual (path manual when a rep is named), ' +
      'a decision with its trace is recorded and lead.routed.v1 is published with previousRepId.',
  })
  @ApiOkResponse({ type: AssignmentDto, description: 'The new assignment' })
  @ApiErrorResponses({
    400: 'The id is not a UUID, or repId names no rep, an inactive rep or the rep who has the lead',
    404: 'The lead has no live assignment',
    409: 'No rep is named and nobody else in the lead’s pool is eligible now',
  })
  reassign(@LeadId() leadId: string, @Body() body: ReassignBodyDto): Promise<AssignmentDto> {
    return this.leads.reassign(leadId, body);
  }

  private async send(response: Response, leadId: string, format: RoutingExportFormat): Promise<void> {
    const body = routingExport(format, await this.leads.routing(leadId));
    response
      .status(200)
      .setHeader('Content-Type', `${ROUTING_EXPORT_MEDIA_TYPES[format]}; charset=utf-8`)
      .setHeader('Content-Disposition', `attachment; filename="lead-${leadId}-routing.${format}"`)
      .send(body);
  }
}
