import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, RequireToken } from '@handoff/platform-runtime';
import { LeadLookupRequest, LeadLookupView } from './lead-lookup.dto';
import { LeadLookup } from './lead-lookup.service';

/** A POST so the address stays out of URLs and access logs. */
@ApiTags('identity')
@Controller('leads/lookup')
export class LeadLookupController {
  constructor(private readonly lookup: LeadLookup) {}

  @Post()
  @RequireToken('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The lead an email address identifies, by its digest (merges followed)' })
  @ApiOkResponse({ type: LeadLookupView })
  @ApiErrorResponses({
    400: 'The email is missing or not an address',
    404: 'No lead has this email, or its personal data was erased',
  })
  async byEmail(@Body() request: LeadLookupRequest): Promise<LeadLookupView> {
    return { leadId: await this.lookup.byEmail(request.email) };
  }
}
