import { Body, Controller, HttpCode, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import {
  ApiBasicAuth,
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CorrelationContext } from '@handoff/platform-observability';
import type { Response } from 'express';
import { type BatchResponseBody, respondWith } from '../engagement/ingestion-result';
import { ApiIngestionResponses } from '../engagement/ingestion-result.response';
import { IngestionService } from '../engagement/ingestion.service';
import { type AuthenticatedSource, CurrentSource, SourceAuthenticated } from '../sources';
import { SalesActivityBatchDto, SalesActivityRequestDto } from './sales-activity.dto';
import { CRM_MAPPINGS, type CrmMappings } from './crm-mapping';
import { parseMappedSalesActivity, parseSalesActivity } from './sales-activity.parser';

/** Sales outcomes over HTTP, for sales systems that cannot write to Kafka: answered like the event APIs. */
@ApiTags('sales-activity')
@ApiBearerAuth()
@ApiBasicAuth()
@ApiExtraModels(SalesActivityRequestDto, SalesActivityBatchDto)
@Controller('v1/sales-activity')
@SourceAuthenticated()
export class SalesActivityController {
  constructor(
    private readonly ingestion: IngestionService,
    @Inject(CRM_MAPPINGS) private readonly mappings: CrmMappings,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report one sales outcome, or a batch as { "batch": [...] }',
    description:
      'Publishes each outcome to sales.activity.v1 once per messageId, answering after Kafka acknowledged it. ' +
      '200: all published (or duplicates); 207: some rejected (see results[].errors); 400: none valid; ' +
      '413: too large; 429: rate limited; 503: retry with the same messageIds.',
  })
  @ApiBody({
    schema: {
      oneOf: [{ $ref: getSchemaPath(SalesActivityRequestDto) }, { $ref: getSchemaPath(SalesActivityBatchDto) }],
    },
  })
  @ApiIngestionResponses('event-or-batch')
  async report(
    @CurrentSource() source: AuthenticatedSource,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BatchResponseBody> {
    const receivedAt = new Date().toISOString();
    const parse = (raw: unknown) => parseSalesActivity(raw, receivedAt, CorrelationContext.correlationId());
    const result = await this.ingestion.ingest(source.id, body, parse);
    return respondWith(response, result);
  }

  @Post('mapped/:mapping')
  @HttpCode(200)
  @ApiParam({ name: 'mapping', example: 'deal-stage-changed', description: 'A mapping of the CRM mappings file' })
  @ApiOperation({
    summary: 'Report an outcome as a CRM webhook sends it (one payload, or a batch as { "batch": [...] })',
    description:
      'The named mapping turns each payload into an outcome (README "Sales outcomes over HTTP"), which is then ' +
      'validated and published like one sent to POST /v1/sales-activity. A stage the mapping does not list ' +
      'answers "ignored" (200) and publishes nothing. 404: no such mapping.',
  })
  @ApiBody({ schema: { type: 'object', description: 'The CRM payload, or { "batch": [payloads] }' } })
  @ApiIngestionResponses('event-or-batch')
  async reportMapped(
    @CurrentSource() source: AuthenticatedSource,
    @Param('mapping') name: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BatchResponseBody> {
    const mapping = this.mappings[name];
    if (!mapping) throw new NotFoundException(`no CRM mapping named ${JSON.stringify(name)}`);
    const receivedAt = new Date().toISOString();
    const parse = (raw: unknown) =>
      parseMappedSalesActivity(mapping, raw, receivedAt, CorrelationContext.correlationId());
    return respondWith(response, await this.ingestion.ingest(source.id, body, parse));
  }
}
