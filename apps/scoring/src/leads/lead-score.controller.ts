import { BadRequestException, Controller, Get, Logger, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ExportQuery, HistoryQuery, ScoreQuery } from './lead-score.query';
import { type HistoryPage, LeadScoreService } from './lead-score.service';
import { EXPORT_CONTENT_TYPES, exportHeader, exportLines } from './ledger-export.format';
import type { ScoreView } from './score-view';

const LeadId = () =>
  Param(
    'id',
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          message: 'lead id is not a UUID',
          errors: [{ field: 'id', reasons: ['must be a UUID'] }],
        }),
    }),
  );

/** A lead's current (or past) score with its explanation, and the ledger of every change to it. */
@Controller('leads/:id/score')
export class LeadScoreController {
  private readonly logger = new Logger(LeadScoreController.name);

  constructor(private readonly scores: LeadScoreService) {}

  @Get()
  score(@LeadId() leadId: string, @Query() query: ScoreQuery): Promise<ScoreView> {
    return this.scores.score(leadId, query.at);
  }

  @Get('history')
  history(@LeadId() leadId: string, @Query() query: HistoryQuery): Promise<HistoryPage> {
    return this.scores.history(leadId, query.cursor, query.limit);
  }

  /** Streams the whole ledger; a failure after the first byte cuts the connection so the file is visibly short. */
  @Get('history/export')
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
