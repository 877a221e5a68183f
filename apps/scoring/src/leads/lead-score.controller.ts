import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, RequireToken, UuidParam } from '@handoff/platform-runtime';
import type { Response } from 'express';
import { HistoryPageDto } from './history-page.dto';
import { ExportQuery, HistoryQuery, ScoreQuery } from './lead-score.query';
import { LeadScoreService } from './lead-score.service';
import { EXPORT_CONTENT_TYPES, exportHeader, exportLines } from './ledger-export.format';
import { ScoreViewDto } from './score-view.dto';
import { StageHistoryDto } from './stage-history.dto';

const LeadId = () => UuidParam('id', 'lead id');

/** The export's media types without their charset parameter, as OpenAPI lists them. */
const EXPORT_MEDIA_TYPES = Object.values(EXPORT_CONTENT_TYPES).map((contentType) => contentType.split(';')[0]);

/** A lead's current (or past) score with its explanation, and the ledger of every change to it. */
@ApiTags('lead scores')
@ApiParam({ name: 'id', format: 'uuid', description: 'The lead id (as ingest answers it)' })
@ApiErrorResponses({ 400: 'The id is not a UUID, or a query parameter is invalid', 404: 'The lead has no score yet' })
@RequireToken('read', 'admin')
@Controller('leads/:id/score')
export class LeadScoreController {
  private readonly logger = new Logger(LeadScoreController.name);

  constructor(private readonly scores: LeadScoreService) {}

  @Get()
  @ApiOperation({ summary: 'The lead’s score now or at `at`, with its breakdown by group, top factors, fit and stage' })
  @ApiOkResponse({ type: ScoreViewDto })
  score(@LeadId() leadId: string, @Query() query: ScoreQuery): Promise<ScoreViewDto> {
    return this.scores.score(leadId, query.at);
  }

  @Get('history')
  @ApiOperation({ summary: 'The ledger of every change to the score, page by page, oldest first' })
  @ApiOkResponse({ type: HistoryPageDto })
  history(@LeadId() leadId: string, @Query() query: HistoryQuery): Promise<HistoryPageDto> {
    return this.scores.history(leadId, query.cursor, query.limit);
  }

  @Get('stages')
  @ApiOperation({ summary: 'Every change of the lead’s lifecycle stage: from, to, when and why, oldest first' })
  @ApiOkResponse({ type: StageHistoryDto })
  stages(@LeadId() leadId: string): Promise<StageHistoryDto> {
    return this.scores.stages(leadId);
  }

  @Get('history/export')
  @ApiOperation({
    summary: 'The whole ledger as a file, streamed',
    description:
      'CSV columns, or NDJSON fields, are those of a history entry. A failure after the first byte closes the ' +
      'connection, so a cut file is visibly short.',
  })
  @ApiOkResponse({
    description: 'An attachment, lead-<id>-score-ledger.<format>',
    content: Object.fromEntries(EXPORT_MEDIA_TYPES.map((mediaType) => [mediaType, { schema: { type: 'string' } }])),
  })
  async export(@LeadId() leadId: string, @Query() query: ExportQuery, @Res() response: Response): Promise<void> {
    const pages = await this.scores.export(leadId);
    response.status(200);
    response.setHeader('Content-Type', EXPORT_CONTENT_TYPES[query.format]);
    response.setHeader('Content-Disposition', `attachment; filename="lead-${leadId}-score-ledger.${query.format}"`);
    try {
      await write(response, exportHeader(query.format));
      for await (const page of pages) {
        if (response.destroyed) return;
        await write(response, exportLines(query.format, page));
      }
      response.end();
    } catch (error) {
      this.logger.error({ msg: 'ledger export failed mid-stream', leadId, err: error });
      response.destroy();
    }
  }
}

/** Waits for the socket to drain when its buffer is full, so a slow client never makes us buffer the ledger. */
async function write(response: Response, text: string): Promise<void> {
  if (text === '' || response.write(text)) return;
  await new Promise<void>((resolve) => {
    response.once('drain', resolve);
    response.once('close', resolve);
  });
}
