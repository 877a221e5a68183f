import { Equals, IsIn, IsISO4217CurrencyCode, IsOptional, IsUUID } from 'class-validator';
import { CRM_OUTCOMES, DEAL_OUTCOMES, type CrmOutcome } from '@handoff/shared-vocabulary';
import { EventEnvelope } from '../envelope';
import { IsIdentifier, IsNonNegativeNumber, IsRequiredWhen, IsRequiredWith } from '../validation/field-rules';

/**
 * What a CRM reports beyond sales.activity.v1: a meeting held, a deal created, reopened or its amount corrected.
 * A new topic rather than new outcomes on sales.activity.v1, so scoring (which reads that topic) is unaffected;
 * keyed by the rep, whose quota these outcomes move. A deal's won and lost still come on sales.activity.v1.
 */
export class CrmOutcomeV1 extends EventEnvelope {
  @Equals(1)
  override schemaVersion!: 1;

  @IsIn(CRM_OUTCOMES)
  outcome!: CrmOutcome;

  /** The rep credited: the meeting's host, the deal's owner. */
  @IsIdentifier()
  repId!: string;

  /** The CRM's deal (opportunity) id; the same id a won or lost on sales.activity.v1 names. */
  @IsRequiredWhen('outcome', DEAL_OUTCOMES)
  @IsIdentifier()
  dealId?: string;

  @IsOptional()
  @IsUUID()
  leadId?: string;

  /** The deal's amount as of this outcome: required for a correction, optional for a created deal. */
  @IsRequiredWhen('outcome', ['amount_corrected'])
  @IsNonNegativeNumber()
  amount?: number;

  /** ISO 4217, e.g. `EUR`; required with `amount`. */
  @IsRequiredWith('amount')
  @IsISO4217CurrencyCode()
  currency?: string;
}
