import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIdentifier, IsNonNegativeNumber, IsRequiredWith, IsText, IsTimestamp } from '@handoff/contracts';
import { SALES_OUTCOMES, type SalesOutcome } from '@handoff/shared-vocabulary';
import { IsIn, IsISO4217CurrencyCode, IsOptional, IsUUID } from 'class-validator';

/**
 * One outcome of `POST /v1/sales-activity`: the `sales.activity.v1` contract's fields, with the sender's message id
 * instead of an event id (a retry with the same message id is published once).
 */
export class SalesActivityRequestDto {
  @ApiProperty({ description: 'Your id for this outcome; a retry with the same id is published once.', maxLength: 128 })
  @IsText(128)
  messageId!: string;

  @ApiProperty({ format: 'uuid', description: 'The lead id Handoff sent on lead.routed (or a webhook)' })
  @IsUUID()
  leadId!: string;

  @ApiProperty({ enum: SALES_OUTCOMES })
  @IsIn(SALES_OUTCOMES)
  outcome!: SalesOutcome;

  @ApiPropertyOptional({ description: 'When it happened (ISO 8601); defaults to when Handoff received it.' })
  @IsOptional()
  @IsTimestamp()
  occurredAt?: string;

  @ApiPropertyOptional({ description: 'The rep who reports it', example: 'ana-silva' })
  @IsOptional()
  @IsIdentifier()
  repId?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why, for rejected and lost' })
  @IsOptional()
  @IsText(500)
  reason?: string;

  @ApiPropertyOptional({ description: 'The deal in the sales system' })
  @IsOptional()
  @IsIdentifier()
  dealId?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'The deal amount, for won' })
  @IsOptional()
  @IsNonNegativeNumber()
  amount?: number;

  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217; required with amount' })
  @IsRequiredWith('amount')
  @IsISO4217CurrencyCode()
  currency?: string;
}

export class SalesActivityBatchDto {
  @ApiProperty({ type: [SalesActivityRequestDto] })
  batch!: SalesActivityRequestDto[];
}
