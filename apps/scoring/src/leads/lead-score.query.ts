import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const MAX_HISTORY_PAGE = 500;
export const DEFAULT_HISTORY_PAGE = 50;
export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ScoreQuery {
  /** Score as of this instant (ISO 8601); default now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class HistoryQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_HISTORY_PAGE)
  limit?: number;

  /** `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{1,19}$/, { message: '$property must be the nextCursor of a previous page' })
  cursor?: string;
}

export class ExportQuery {
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}
