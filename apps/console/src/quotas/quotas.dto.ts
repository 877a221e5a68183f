import { IsOptional } from 'class-validator';
import { IsIdentifier } from '@handoff/contracts';

/** A fiscal period's id (e.g. `FY2027-Q1`); unset: the period holding now. */
export class PeriodQuery {
  @IsOptional()
  @IsIdentifier()
  period?: string;
}
