import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { IsCount, IsIdentifier, IsInstant, IsNestedObject, IsNonNegativeNumber } from '@handoff/contracts';
import { IsIanaTimeZone } from '@handoff/platform-config';
import { IsIdentifierList, IsLabelList, IsLanguageList, IsTrimmedText } from '../validation/directory-field-rules';
import { AVAILABILITY_AHEAD_MS, PeriodDto, WeeklyHoursDto } from './availability.dto';

export const MAX_OUT_OF_OFFICE_PERIODS = 100;

/**
 * A rep as PUT /reps/:id (and each row of a reps CSV) writes it: the whole profile. `outOfOffice` and `pausedUntil`
 * are what a rep's self-service page or calendar sets, so when absent they keep their current values (a sync
 * from an HR system does not end a holiday); `[]` and `null` clear them.
 */
export class RepBodyDto {
  @ApiPropertyOptional({ description: 'Must equal the id in the path when given', example: 'ana-silva' })
  @IsOptional()
  @IsIdentifier()
  id?: string;

  @ApiProperty({
    description: 'Display name (no email or phone: the directory holds no contact data)',
    example: 'Ana Silva',
  })
  @IsTrimmedText(200)
  name!: string;

  @ApiPropertyOptional({ default: true, description: 'Inactive reps take no leads (a leaver; reps are never deleted)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Ids of the teams the rep belongs to', example: ['emea-smb'] })
  @IsOptional()
  @IsIdentifierList(50)
  teamIds?: string[];

  @ApiPropertyOptional({
    default: 1,
    minimum: 0,
    description: 'Relative share in weighted strategies; 0 takes no new leads from weighted pools',
  })
  @IsOptional()
  @IsNonNegativeNumber()
  weight?: number;

  @ApiPropertyOptional({ type: [String], example: ['en', 'pt-BR'] })
  @IsOptional()
  @IsLanguageList()
  languages?: string[];

  @ApiPropertyOptional({ type: [String], example: ['enterprise', 'healthcare'] })
  @IsOptional()
  @IsLabelList(50)
  skills?: string[];

  @ApiProperty({ description: 'IANA time zone the working hours are read in', example: 'Europe/Lisbon' })
  @IsIanaTimeZone()
  timeZone!: string;

  @ApiProperty({ type: WeeklyHoursDto, description: 'Working windows per weekday; {} is never in hours' })
  @IsNestedObject(() => WeeklyHoursDto)
  workingHours!: WeeklyHoursDto;

  @ApiPropertyOptional({
    type: [PeriodDto],
    description: 'Replaces every out-of-office period; absent keeps them, [] clears them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OUT_OF_OFFICE_PERIODS)
  @ValidateNested({ each: true })
  @Type(() => PeriodDto)
  outOfOffice?: PeriodDto[];

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'No new leads until this instant; absent keeps the current pause, null ends it',
  })
  @IsOptional()
  @IsInstant(AVAILABILITY_AHEAD_MS)
  pausedUntil?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 0,
    description: 'Most new leads per local calendar day; absent or null is no cap',
  })
  @IsOptional()
  @IsCount()
  dailyCap?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 0,
    description: 'Most new leads over the last 30 days (rolling); absent or null is no cap',
  })
  @IsOptional()
  @IsCount()
  rolling30DayCap?: number | null;
}
