import { Type } from 'class-transformer';
import { IsInt, IsNumberString, IsOptional, Max, Min } from 'class-validator';

/** `GET /api/audit?before=&limit=`: a page of the audit log, older than `before` (an entry id). */
export class AuditPageQuery {
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  before?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;
}
