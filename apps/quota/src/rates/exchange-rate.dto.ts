import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsFiniteNumber, IsNestedArray } from '@handoff/contracts';
import type { ExchangeRate } from '@handoff/domain-quota';

/** A rate table is a few currencies over a few years; this bounds a mistaken upload, not a real one. */
export const MAX_EXCHANGE_RATES = 10_000;

export class ExchangeRateDto implements ExchangeRate {
  @ApiProperty({ description: 'ISO 4217 code converted from', example: 'EUR' })
  @IsString()
  from!: string;

  @ApiProperty({ description: 'ISO 4217 code converted to; not from', example: 'USD' })
  @IsString()
  to!: string;

  @ApiProperty({ description: '1 from = rate to; positive', example: 1.08 })
  @IsFiniteNumber()
  rate!: number;

  @ApiProperty({ description: 'First day of deals closed it applies to, YYYY-MM-DD', example: '2027-01-01' })
  @IsString()
  validFrom!: string;

  @ApiPropertyOptional({
    description: 'Last day (inclusive), YYYY-MM-DD; absent until further notice',
    example: '2027-03-31',
  })
  @IsOptional()
  @IsString()
  validTo?: string;
}

export class ExchangeRatesBodyDto {
  @ApiProperty({
    type: [ExchangeRateDto],
    description: `The whole table, at most ${MAX_EXCHANGE_RATES} rates; one rate per pair and day; [] clears it`,
  })
  @IsNestedArray(() => ExchangeRateDto, { min: 0, max: MAX_EXCHANGE_RATES })
  rates!: ExchangeRateDto[];
}

export class ExchangeRateListDto {
  @ApiProperty({ type: [ExchangeRateDto], description: 'By pair, then validFrom' })
  rates!: ExchangeRateDto[];
}
