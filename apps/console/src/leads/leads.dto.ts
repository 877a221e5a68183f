import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsIdentifier, IsTimestamp } from '@handoff/contracts';

/** The longest search term: an email address is at most 254 characters. */
export const MAX_SEARCH_TERM = 254;
const PAGE_LIMIT = 100;

export class LeadSearchQuery {
  @IsString()
  @Length(1, MAX_SEARCH_TERM)
  @Matches(/\S/, { message: '$property must not be blank' })
  q!: string;
}

export class PageLimitQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT)
  limit?: number;
}

export class ScoreQuery {
  @IsOptional()
  @IsTimestamp()
  at?: string;
}

export class ScoreHistoryQuery extends PageLimitQuery {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** Routing's reassign body: the rep to move the lead to (or the next eligible one) and why. */
export class ReassignBody {
  @IsOptional()
  @IsIdentifier()
  repId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}
