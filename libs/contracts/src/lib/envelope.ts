import { IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsTimestamp } from './validation/instant';

/**
 * Fields every event on every topic carries. `occurredAt` is event time (when it happened at the
 * source), not the time Handoff saw it; `correlationId` is also carried in the Kafka headers so a
 * consumer can log it before it has decoded the value.
 */
export abstract class EventEnvelope {
  @IsUUID()
  eventId!: string;

  @IsTimestamp()
  occurredAt!: string;

  @IsInt()
  @Min(1)
  schemaVersion!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  correlationId!: string;
}
