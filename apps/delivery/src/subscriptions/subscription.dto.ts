import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EVENT_TYPES, type EventType, type SubscriptionFilters } from '../intake/event-matching';

export const SUBSCRIPTION_STATUSES = ['active', 'paused', 'disabled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

export class SubscriptionFiltersDto implements SubscriptionFilters {
  @ApiPropertyOptional({ example: 'emea-enterprise' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  poolId?: string;

  @ApiPropertyOptional({ example: 'team-north' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  teamId?: string;

  @ApiPropertyOptional({ example: 'ana-silva' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  repId?: string;

  @ApiPropertyOptional({ example: 'A' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  grade?: string;
}

export class UpdateSubscriptionDto {
  @ApiPropertyOptional({ description: 'Where to POST; https (http only with DELIVERY_ALLOW_PRIVATE_TARGETS)' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES, isArray: true, example: ['lead.routed'] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  eventTypes?: EventType[];

  @ApiPropertyOptional({ type: SubscriptionFiltersDto, description: 'Each filter set must equal the event’s field' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubscriptionFiltersDto)
  filters?: SubscriptionFiltersDto;

  @ApiPropertyOptional({ enum: SUBSCRIPTION_STATUSES, description: 'paused queues without sending; disabled drops' })
  @IsOptional()
  @IsIn(SUBSCRIPTION_STATUSES)
  status?: SubscriptionStatus;

  @ApiPropertyOptional({
    description:
      'Add the lead’s contact details from ingest’s contact vault to lead.routed deliveries (never for an erased ' +
      'lead); needs DELIVERY_CONTACT_TOKEN',
  })
  @IsOptional()
  @IsBoolean()
  includeContact?: boolean;
}

export class CreateSubscriptionDto extends UpdateSubscriptionDto {
  @ApiProperty({ example: 'https://crm.example.com/hooks/handoff' })
  @IsString()
  @MaxLength(2048)
  declare url: string;

  @ApiProperty({ enum: EVENT_TYPES, isArray: true, example: ['lead.routed'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  declare eventTypes: EventType[];

  @ApiPropertyOptional({
    description: 'A Standard Webhooks secret (whsec_ + base64 of 24-64 bytes); generated if omitted',
  })
  @IsOptional()
  @Matches(SECRET_PATTERN, { message: 'secret must be whsec_ followed by base64' })
  secret?: string;
}

export class SubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  url!: string;

  @ApiProperty({ enum: EVENT_TYPES, isArray: true })
  eventTypes!: string[];

  @ApiProperty({ type: SubscriptionFiltersDto })
  filters!: SubscriptionFiltersDto;

  @ApiProperty({ enum: SUBSCRIPTION_STATUSES })
  status!: SubscriptionStatus;

  @ApiProperty({ description: 'lead.routed deliveries carry the lead’s contact details' })
  includeContact!: boolean;

  @ApiProperty({ description: 'Failures in a row; the circuit opens at DELIVERY_CIRCUIT_FAILURES' })
  consecutiveFailures!: number;

  @ApiPropertyOptional({ description: 'While set and in the future the endpoint is paused by its circuit' })
  circuitOpenUntil?: string;

  @ApiPropertyOptional({ description: 'Until when the previous secret still signs next to the current one' })
  previousSecretUntil?: string;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}

export class SubscriptionWithSecretDto extends SubscriptionDto {
  @ApiProperty({ description: 'The signing secret: shown only here, on creation and rotation' })
  secret!: string;
}
