import { Equals, IsIn, IsISO4217CurrencyCode, IsOptional, IsUUID } from 'class-validator';
import { SALES_OUTCOMES, type SalesOutcome } from '@handoff/shared-vocabulary';
import { EventEnvelope } from '../envelope';
import { IsIdentifier, IsNonNegativeNumber, IsRequiredWith, IsText } from '../validation/field-rules';

/** What a sales system reports about a routed lead: accepted, rejected, won or lost (with the deal amount). */
export class SalesActivityV1 extends EventEnvelope {
  @Equals(1)
  override schemaVersion!: 1;

  @IsUUID()
  leadId!: string;

  @IsOptional()
  @IsIdentifier()
  repId?: string;

  @IsIn(SALES_OUTCOMES)
  outcome!: SalesOutcome;

  @IsOptional()
  @IsText(500)
  reason?: string;

  @IsOptional()
  @IsIdentifier()
  dealId?: string;

  @IsOptional()
  @IsNonNegativeNumber()
  amount?: number;

  /** ISO 4217, e.g. `EUR`; required with `amount` because an amount without a currency cannot be summed. */
  @IsRequiredWith('amount')
  @IsISO4217CurrencyCode()
  currency?: string;
}
