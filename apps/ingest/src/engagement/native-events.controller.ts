import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBasicAuth,
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CorrelationContext } from '@handoff/platform-observability';
import type { Response } from 'express';
import { type AuthenticatedSource, CurrentSource, SourceAuthenticated } from '../sources';
import { type BatchResponseBody, respondWith } from './ingestion-result';
import { ApiIngestionResponses } from './ingestion-result.response';
import { IngestionService } from './ingestion.service';
import { NativeBatchDto, NativeEventDto } from './native-event.dto';
import { parseNativeEvent } from './native-event.parser';

@ApiTags('native')
@ApiBearerAuth()
@ApiBasicAuth()
@ApiExtraModels(NativeEventDto, NativeBatchDto)
@Controller('v1/events')
@SourceAuthenticated()
export class NativeEventsController {
  constructor(private readonly ingestion: IngestionService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record one event, or a batch as { "batch": [...] }',
    description:
      'Answers after the events are durably on the stream. 200: all recorded (or duplicates of recorded ones); ' +
      '207: some rejected (see results[].errors); 400: none valid; 413: too large; 429: rate limited; ' +
      '503: retry with the same messageIds (the stream was unavailable and nothing was accepted, or some ' +
      'events are still being recorded by a concurrent request; recorded ones come back as duplicates).',
  })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(NativeEventDto) }, { $ref: getSchemaPath(NativeBatchDto) }] } })
  @ApiIngestionResponses('event-or-batch')
  async record(
    @CurrentSource() source: AuthenticatedSource,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BatchResponseBody> {
    const receivedAt = new Date().toISOString();
    const parse = (raw: unknown) => parseNativeEvent(raw, receivedAt, CorrelationContext.correlationId());
    const result = await this.ingestion.ingest(source.id, body, parse);
    return respondWith(response, result);
  }
}
