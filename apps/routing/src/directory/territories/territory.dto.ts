import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIdentifier } from '@handoff/contracts';
import type { Territory } from '@handoff/domain-routing';
import { IsCountryList, IsLabelList, IsPostalPrefixList, IsTrimmedText } from '../validation/directory-field-rules';

export class TerritoryBodyDto {
  @ApiPropertyOptional({ description: 'Must equal the id in the path when given', example: 'dach' })
  @IsOptional()
  @IsIdentifier()
  id?: string;

  @ApiProperty({ example: 'DACH' })
  @IsTrimmedText(200)
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'ISO 3166-1 alpha-2 codes, stored upper-case',
    example: ['DE', 'AT', 'CH'],
  })
  @IsOptional()
  @IsCountryList()
  countries?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Region or state names or codes, matched ignoring case',
    example: ['BY'],
  })
  @IsOptional()
  @IsLabelList(500)
  regions?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Postal code beginnings, stored upper-case',
    example: ['80', '81'],
  })
  @IsOptional()
  @IsPostalPrefixList()
  postalPrefixes?: string[];
}

export class TerritoryDto implements Territory {
  @ApiProperty({ example: 'dach' })
  id!: string;

  @ApiProperty({ example: 'DACH' })
  name!: string;

  @ApiProperty({ type: [String] })
  countries!: string[];

  @ApiProperty({ type: [String] })
  regions!: string[];

  @ApiProperty({ type: [String] })
  postalPrefixes!: string[];
}

export class TerritoryListDto {
  @ApiProperty({ type: [TerritoryDto], description: 'By id' })
  territories!: TerritoryDto[];
}

export function territoryOf(id: string, body: TerritoryBodyDto): Territory {
  return {
    id,
    name: body.name,
    countries: body.countries ?? [],
    regions: body.regions ?? [],
    postalPrefixes: body.postalPrefixes ?? [],
  };
}
