import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IDENTIFIER_PATTERN, IsIdentifier } from '@handoff/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The `:id` of the rep, team or period a read is about. */
export class IdPath {
  @ApiProperty({ pattern: IDENTIFIER_PATTERN.source, maxLength: 128, example: 'ana-silva' })
  @IsIdentifier()
  id!: string;
}

export class PeriodQuery {
  @ApiPropertyOptional({
    description:
      'A fiscal period id (FY2027, FY2027-Q1, FY2027-M03) or the id of a custom period some quota is set for; ' +
      'default: the fiscal period of kind QUOTA_CAPACITY_PERIOD holding now',
    example: 'FY2027-Q1',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  period?: string;
}
