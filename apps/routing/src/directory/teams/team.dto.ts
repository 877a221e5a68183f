import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIdentifier } from '@handoff/contracts';
import type { Team } from '@handoff/domain-routing';
import { IsTrimmedText } from '../validation/directory-field-rules';

export class TeamBodyDto {
  @ApiPropertyOptional({ description: 'Must equal the id in the path when given', example: 'emea-smb' })
  @IsOptional()
  @IsIdentifier()
  id?: string;

  @ApiProperty({ example: 'EMEA small business' })
  @IsTrimmedText(200)
  name!: string;
}

export class TeamDto implements Team {
  @ApiProperty({ example: 'emea-smb' })
  id!: string;

  @ApiProperty({ example: 'EMEA small business' })
  name!: string;
}

export class TeamListDto {
  @ApiProperty({ type: [TeamDto], description: 'By id' })
  teams!: TeamDto[];
}
