import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RepProfile } from '@handoff/domain-routing';
import { PeriodDto, WeeklyHoursDto } from './availability.dto';

/** A rep as the directory answers it: exactly the RepProfile routing decides with. */
export class RepDto implements RepProfile {
  @ApiProperty({ example: 'ana-silva' })
  id!: string;

  @ApiProperty({ example: 'Ana Silva' })
  name!: string;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: [String], description: 'Sorted' })
  teamIds!: string[];

  @ApiProperty({ minimum: 0 })
  weight!: number;

  @ApiProperty({ type: [String] })
  languages!: string[];

  @ApiProperty({ type: [String] })
  skills!: string[];

  @ApiProperty({ example: 'Europe/Lisbon' })
  timeZone!: string;

  @ApiProperty({ type: WeeklyHoursDto, description: 'Each day’s windows sorted by start' })
  workingHours!: WeeklyHoursDto;

  @ApiProperty({ type: [PeriodDto], description: 'Sorted by from; instants in UTC' })
  outOfOffice!: PeriodDto[];

  @ApiPropertyOptional({ format: 'date-time' })
  pausedUntil?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  dailyCap?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  rolling30DayCap?: number;
}

export class RepListDto {
  @ApiProperty({ type: [RepDto], description: 'Every rep, active or not, by id' })
  reps!: RepDto[];
}
