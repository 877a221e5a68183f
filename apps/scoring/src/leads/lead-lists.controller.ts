import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, RequireToken } from '@handoff/platform-runtime';
import { LeadSearchQuery, QualifiedLeadsQuery } from './lead-lists.query';
import { LeadListsService } from './lead-lists.service';
import { LeadSearchResultDto, QualifiedLeadsPageDto } from './lead-summary.dto';

/** Finding leads: by company, and the newest MQLs (the operator console's lists). */
@ApiTags('lead lists')
@ApiErrorResponses({ 400: 'A query parameter is missing or invalid' })
@RequireToken('read', 'admin')
@Controller('leads')
export class LeadListsController {
  constructor(private readonly leads: LeadListsService) {}

  @Get()
  @ApiOperation({
    summary: 'Surviving leads whose company name contains `q` or whose company domain is `q` or under it',
    description: 'Merged leads are left out (their survivor is listed). The company match reads every lead.',
  })
  @ApiOkResponse({ type: LeadSearchResultDto })
  search(@Query() query: LeadSearchQuery): Promise<LeadSearchResultDto> {
    return this.leads.search(query.q, query.limit);
  }

  @Get('qualified')
  @ApiOperation({
    summary: 'Leads now at MQL or beyond (SQL, opportunity, customer), the latest qualified first, page by page',
  })
  @ApiOkResponse({ type: QualifiedLeadsPageDto })
  qualified(@Query() query: QualifiedLeadsQuery): Promise<QualifiedLeadsPageDto> {
    return this.leads.qualified(query.before, query.limit);
  }
}
