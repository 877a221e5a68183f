import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { composeRules, IsInstant, IsRequiredWith } from '@handoff/contracts';
import type { DailyWindow, Period, WeeklyHours } from '@handoff/domain-routing';
import {
  HasNoOverlappingWindows,
  IsAfter,
  instantMs,
  LOCAL_END_TIME,
  LOCAL_TIME,
  minutesOf,
} from '../validation/directory-field-rules';

/** How far ahead an out-of-office period or a pause may be planned: two years (a sabbatical booked early). */
export const AVAILABILITY_AHEAD_MS = 2 * 366 * 24 * 60 * 60 * 1000;
const MAX_WINDOWS_PER_DAY = 12;

export class DailyWindowDto implements DailyWindow {
  @ApiProperty({ pattern: LOCAL_TIME.source, description: 'Local time HH:mm the window starts', example: '09:00' })
  @Matches(LOCAL_TIME, { message: '$property must be a local time HH:mm from 00:00 to 23:59' })
  start!: string;

  @ApiProperty({
    pattern: LOCAL_END_TIME.source,
    description: 'Local time HH:mm the window ends (exclusive; 24:00 is midnight at the day’s end); after start',
    example: '17:30',
  })
  @Matches(LOCAL_END_TIME, { message: '$property must be a local time HH:mm from 00:01 to 24:00' })
  @IsAfter('start', minutesOf)
  end!: string;
}

const Day = (): PropertyDecorator =>
  composeRules(
    ApiPropertyOptional({ type: [DailyWindowDto], description: 'Non-overlapping windows; absent or [] is a day off' }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_WINDOWS_PER_DAY),
    ValidateNested({ each: true }),
    Type(() => DailyWindowDto),
    HasNoOverlappingWindows(),
  );

/** Working windows per weekday in the rep's own time zone. */
export class WeeklyHoursDto implements WeeklyHours {
  @Day() mon?: DailyWindowDto[];
  @Day() tue?: DailyWindowDto[];
  @Day() wed?: DailyWindowDto[];
  @Day() thu?: DailyWindowDto[];
  @Day() fri?: DailyWindowDto[];
  @Day() sat?: DailyWindowDto[];
  @Day() sun?: DailyWindowDto[];
}

export class PeriodDto implements Period {
  @ApiProperty({ format: 'date-time', description: 'First instant away', example: '2026-12-24T00:00:00+01:00' })
  @IsInstant(AVAILABILITY_AHEAD_MS)
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'Back at this instant (exclusive); after from' })
  @IsInstant(AVAILABILITY_AHEAD_MS)
  @IsAfter('from', instantMs)
  to!: string;
}

export class PauseDto {
  @ApiProperty({ format: 'date-time', description: 'The rep takes no new leads until this instant' })
  @IsInstant(AVAILABILITY_AHEAD_MS)
  until!: string;
}

/** Which out-of-office period to end; neither clears every period. */
export class OutOfOfficeQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'The period’s from (with to)' })
  @IsRequiredWith('to')
  @IsInstant(AVAILABILITY_AHEAD_MS)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'The period’s to (with from)' })
  @IsRequiredWith('from')
  @IsInstant(AVAILABILITY_AHEAD_MS)
  @IsAfter('from', instantMs)
  to?: string;
}
