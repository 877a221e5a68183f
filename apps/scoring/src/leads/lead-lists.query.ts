import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export const MAX_LEAD_LIST = 100;
export const DEFAULT_LEAD_LIST = 20;
export const MAX_SEARCH_TERM = 200;
/** `nextBefore`: the last row's qualification instant and lead id. */
export const QUALIFIED_CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})$/;

class LeadListLimit {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LEAD_LIST, default: DEFAULT_LEAD_LIST })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LEAD_LIST)
  limit?: number;
}

export class LeadSearchQuery extends LeadListLimit {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_SEARCH_TERM,
    description:
      'Part of a company name (any case), or a company domain (any case): the domain itself or a subdomain of it',
    example: 'acme',
  })
  @IsString()
  @Length(1, MAX_SEARCH_TERM)
  @Matches(/\S/, { message: '$property must not be blank' })
  q!: string;
}

export class QualifiedLeadsQuery extends LeadListLimit {
  @ApiPropertyOptional({
    description: '`nextBefore` of the previous page; omit for the newest',
    example: '2026-12-01T10:15:00.000Z_0b0e7f9e-5d7c-4a8e-9a51-3f2f4d6c8b1a',
  })
  @IsOptional()
  @IsString()
  @Matches(QUALIFIED_CURSOR, { message: '$property must be the nextBefore of a previous page' })
  before?: string;
}
