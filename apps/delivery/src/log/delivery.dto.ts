import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export class DeliveryListQueryDto {
  @ApiPropertyOptional({ description: 'Most recent deliveries first, at most this many', default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'Only deliveries in this state (dead: to replay)' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class DeliveryAttemptDto {
  @ApiProperty()
  attemptedAt!: string;

  @ApiPropertyOptional({ description: 'The HTTP status the endpoint answered, absent when it did not answer' })
  statusCode?: number;

  @ApiPropertyOptional({ description: 'Why no answer came (timeout, refused connection, blocked address)' })
  error?: string;

  @ApiProperty()
  latencyMs!: number;

  @ApiPropertyOptional({ description: 'The first 4 KiB of the response body' })
  responseExcerpt?: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'The webhook-id header: the same on every attempt' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  subscriptionId!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'lead.routed' })
  eventType!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  leadId?: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: string;

  @ApiProperty()
  attempts!: number;

  @ApiPropertyOptional({ description: 'When the next attempt is due (pending deliveries)' })
  nextAttemptAt?: string;

  @ApiPropertyOptional()
  lastError?: string;

  @ApiProperty()
  createdAt!: string;

  @ApiPropertyOptional()
  deliveredAt?: string;
}

export class DeliveryWithAttemptsDto extends DeliveryDto {
  @ApiProperty({ type: [DeliveryAttemptDto], description: 'Every attempt, oldest first' })
  attemptLog!: DeliveryAttemptDto[];
}
