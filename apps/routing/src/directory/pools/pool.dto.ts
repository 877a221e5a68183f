import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsIdentifier } from '@handoff/contracts';
import type { Pool } from '@handoff/domain-routing';
import { IsIdentifierList, IsTrimmedText } from '../validation/directory-field-rules';

export const POOL_DEFAULTS = { requireWorkingHours: false, slaMinutes: 60, slaInBusinessHours: false, maxAttempts: 3 };
const MAX_SLA_MINUTES = 30 * 24 * 60;

export class PoolBodyDto {
  @ApiPropertyOptional({ description: 'Must equal the id in the path when given', example: 'emea-inbound' })
  @IsOptional()
  @IsIdentifier()
  id?: string;

  @ApiProperty({ example: 'EMEA inbound' })
  @IsTrimmedText(200)
  name!: string;

  @ApiPropertyOptional({ type: [String], description: 'Every rep of these teams is a member', example: ['emea-smb'] })
  @IsOptional()
  @IsIdentifierList(100)
  teamIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Members besides the teams’ reps', example: ['ana-silva'] })
  @IsOptional()
  @IsIdentifierList(1000)
  repIds?: string[];

  @ApiPropertyOptional({
    default: POOL_DEFAULTS.requireWorkingHours,
    description: 'Only reps inside their working hours are eligible',
  })
  @IsOptional()
  @IsBoolean()
  requireWorkingHours?: boolean;

  @ApiPropertyOptional({
    default: POOL_DEFAULTS.slaMinutes,
    minimum: 1,
    maximum: MAX_SLA_MINUTES,
    description: 'Minutes a rep has to accept',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SLA_MINUTES)
  slaMinutes?: number;

  @ApiPropertyOptional({
    default: POOL_DEFAULTS.slaInBusinessHours,
    description: 'Count the SLA in the rep’s working hours',
  })
  @IsOptional()
  @IsBoolean()
  slaInBusinessHours?: boolean;

  @ApiPropertyOptional({
    default: POOL_DEFAULTS.maxAttempts,
    minimum: 1,
    maximum: 20,
    description: 'Assignments of one qualification in this pool before it escalates to the fallback pool',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  maxAttempts?: number;
}

export class PoolDto implements Pool {
  @ApiProperty({ example: 'emea-inbound' })
  id!: string;

  @ApiProperty({ example: 'EMEA inbound' })
  name!: string;

  @ApiProperty({ type: [String], description: 'Sorted' })
  teamIds!: string[];

  @ApiProperty({ type: [String], description: 'Sorted' })
  repIds!: string[];

  @ApiProperty()
  requireWorkingHours!: boolean;

  @ApiProperty({ minimum: 1 })
  slaMinutes!: number;

  @ApiProperty()
  slaInBusinessHours!: boolean;

  @ApiProperty({ minimum: 1 })
  maxAttempts!: number;
}

export class PoolListDto {
  @ApiProperty({ type: [PoolDto], description: 'By id' })
  pools!: PoolDto[];
}

export function poolOf(id: string, body: PoolBodyDto): Pool {
  return {
    id,
    name: body.name,
    teamIds: [...(body.teamIds ?? [])].sort(),
    repIds: [...(body.repIds ?? [])].sort(),
    requireWorkingHours: body.requireWorkingHours ?? POOL_DEFAULTS.requireWorkingHours,
    slaMinutes: body.slaMinutes ?? POOL_DEFAULTS.slaMinutes,
    slaInBusinessHours: body.slaInBusinessHours ?? POOL_DEFAULTS.slaInBusinessHours,
    maxAttempts: body.maxAttempts ?? POOL_DEFAULTS.maxAttempts,
  };
}
