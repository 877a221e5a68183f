import { INSTANT_LIMITS, IsInstant } from '@handoff/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const MAX_HISTORY_PAGE = 500;
export const DEFAULT_HISTORY_PAGE = 50;
export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ScoreQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Score as of this instant (ISO 8601); default now. Behaviour counts the contributions that existed then, ' +
      'decayed to then (exact from the answer’s `exactFrom` on); fit and lifecycle are the current ones',
    example: '2026-11-28T10:15:00Z',
  })
  @IsOptional()
  // Any moment scoring can parse, up to a year ahead (decay can be read forward).
  @IsInstant(INSTANT_LIMITS.maxDeadlineAheadMs)
  at?: string;
}

export class HistoryQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_HISTORY_PAGE,
    default: DEFAULT_HISTORY_PAGE,
    description: 'Ledger entries per page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_HISTORY_PAGE)
  limit?: number;

  @ApiPropertyOptional({
    pattern: '^[0-9]{1,19}$',
    description: '`nextCursor` of the previous page; omit for the first page',
    example: '1042',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{1,19}$/, { message: '$property must be the nextCursor of a previous page' })
  cursor?: string;
}

export class ExportQuery {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'csv (with a header line) or ndjson (one JSON entry a line)' })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}
