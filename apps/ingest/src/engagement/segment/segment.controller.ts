import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationContext } from '@handoff/platform-observability';
import type { Response } from 'express';
import { type AuthenticatedSource, CurrentSource, SourceAuthenticated } from '../../sources';
import type { IncomingCall } from '../incoming-engagement';
import { type BatchResponseBody, respondWith } from '../ingestion-result';
import { ApiIngestionResponses } from '../ingestion-result.response';
import { IngestionService } from '../ingestion.service';
import { SegmentMapper, type SegmentReceipt } from './segment-mapper';
import {
  SegmentAliasDto,
  SegmentBatchDto,
  SegmentGroupDto,
  SegmentIdentifyDto,
  SegmentPageDto,
  SegmentTrackDto,
} from './segment-payload.dto';

const SEGMENT_NOTE = 'Segment HTTP Tracking API: authenticate with the source write key as the Basic auth username.';

type CallMapper = (raw: unknown, receipt: SegmentReceipt) => IncomingCall;

/**
 * The Segment-compatible API: an off-the-shelf Segment or RudderStack server-side library pointed at
 * Handoff's URL works unchanged. Answers use Handoff's per-event result body; Segment clients only read
 * the status (2xx recorded, 429/5xx retry).
 */
@ApiTags('segment')
@ApiBasicAuth()
@Controller('v1')
@SourceAuthenticated()
export class SegmentController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly mapper: SegmentMapper,
  ) {}

  @Post('track')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a track call', description: SEGMENT_NOTE })
  @ApiBody({ type: SegmentTrackDto })
  @ApiIngestionResponses('event')
  track(
    @CurrentSource() source: AuthenticatedSource,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.one(source, body, res, (raw, receipt) => ({ engagement: this.mapper.track(raw, receipt) }));
  }

  @Post(['page', 'screen'])
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a page (or screen) call', description: SEGMENT_NOTE })
  @ApiBody({ type: SegmentPageDto })
  @ApiIngestionResponses('event')
  page(@CurrentSource() source: AuthenticatedSource, @Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    return this.one(source, body, res, (raw, receipt) => ({ engagement: this.mapper.page(raw, receipt) }));
  }

  @Post('identify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record an identify call: profile traits and the link of its ids',
    description: SEGMENT_NOTE,
  })
  @ApiBody({ type: SegmentIdentifyDto })
  @ApiIngestionResponses('event')
  identify(
    @CurrentSource() source: AuthenticatedSource,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.one(source, body, res, (raw, receipt) => ({ engagement: this.mapper.identify(raw, receipt) }));
  }

  @Post('group')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record a group call: the company's traits as a profile update of the person",
    description: SEGMENT_NOTE,
  })
  @ApiBody({ type: SegmentGroupDto })
  @ApiIngestionResponses('event')
  group(
    @CurrentSource() source: AuthenticatedSource,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.one(source, body, res, (raw, receipt) => ({ engagement: this.mapper.group(raw, receipt) }));
  }

  @Post('alias')
  @HttpCode(200)
  @ApiOperation({ summary: 'Link a previous id to a user id, merging their leads', description: SEGMENT_NOTE })
  @ApiBody({ type: SegmentAliasDto })
  @ApiIngestionResponses('alias')
  alias(
    @CurrentSource() source: AuthenticatedSource,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.one(source, body, res, (raw, receipt) => ({ alias: this.mapper.alias(raw, receipt) }));
  }

  @Post(['batch', 'import'])
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record a batch of calls of any type; aliases are applied after the other calls',
    description: SEGMENT_NOTE,
  })
  @ApiBody({ type: SegmentBatchDto })
  @ApiIngestionResponses('batch')
  async batch(
    @CurrentSource() source: AuthenticatedSource,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const receipt = receiptNow();
    const items = typeof body === 'object' && body !== null ? (body as { batch?: unknown }).batch : undefined;
    return respondWith(
      res,
      await this.ingestion.ingestBatch(source.id, items, (raw) => this.mapper.batchItem(raw, receipt)),
    );
  }

  private async one(
    source: AuthenticatedSource,
    body: unknown,
    res: Response,
    map: CallMapper,
  ): Promise<BatchResponseBody> {
    const receipt = receiptNow();
    return respondWith(res, await this.ingestion.ingestOne(source.id, body, (raw) => map(raw, receipt)));
  }
}

function receiptNow(): SegmentReceipt {
  return { receivedAt: new Date().toISOString(), correlationId: CorrelationContext.correlationId() };
}
