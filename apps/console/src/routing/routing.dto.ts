import { IsOptional } from 'class-validator';
import { IsInstant, IsTimestamp } from '@handoff/contracts';

/** How far ahead an out-of-office period or a pause may be planned: routing's own limit (two years). */
const AVAILABILITY_AHEAD_MS = 2 * 366 * 24 * 60 * 60 * 1000;

export class FairnessQuery {
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @IsOptional()
  @IsTimestamp()
  to?: string;
}

/** An out-of-office period: routing checks that `to` is after `from`. */
export class PeriodBody {
  @IsInstant(AVAILABILITY_AHEAD_MS)
  from!: string;

  @IsInstant(AVAILABILITY_AHEAD_MS)
  to!: string;
}

/** Which out-of-office period to end: both instants, or neither to end every period. */
export class PeriodQuery {
  @IsOptional()
  @IsInstant(AVAILABILITY_AHEAD_MS)
  from?: string;

  @IsOptional()
  @IsInstant(AVAILABILITY_AHEAD_MS)
  to?: string;
}

export class PauseBody {
  @IsInstant(AVAILABILITY_AHEAD_MS)
  until!: string;
}
