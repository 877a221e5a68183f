import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsText, IsTimestamp } from '@handoff/contracts';
import { IsIn, IsObject, IsOptional } from 'class-validator';

/**
 * Fields of the Segment HTTP Tracking API that Handoff reads. Segment clients send more (context,
 * integrations, channel, version…); those are accepted and ignored, as Segment's own API does.
 */
export class SegmentMessageDto {
  @ApiPropertyOptional({ description: 'Anonymous visitor id (one of anonymousId and userId is required).' })
  @IsOptional()
  @IsText(128)
  anonymousId?: string;

  @ApiPropertyOptional({ description: 'Your user id (one of anonymousId and userId is required).' })
  @IsOptional()
  @IsText(128)
  userId?: string;

  @ApiPropertyOptional({ description: 'Unique per message; retries with the same id are recorded once.' })
  @IsOptional()
  @IsText(128)
  messageId?: string;

  @ApiPropertyOptional({ description: 'When it happened (ISO 8601).' })
  @IsOptional()
  @IsTimestamp()
  timestamp?: string;

  @ApiPropertyOptional({ description: 'Device clock time of the event; corrected for skew with sentAt.' })
  @IsOptional()
  @IsTimestamp()
  originalTimestamp?: string;

  @ApiPropertyOptional({ description: 'Device clock time of sending.' })
  @IsOptional()
  @IsTimestamp()
  sentAt?: string;

  @ApiPropertyOptional({ type: Object })
  @IsOptional()
  @IsObject()
  context?: Record<string, unknown>;
}

export class SegmentTrackDto extends SegmentMessageDto {
  @ApiProperty({ description: 'Event name, e.g. "Demo Requested"; mapped to an activity type.' })
  @IsText(200)
  event!: string;

  @ApiPropertyOptional({ type: Object })
  @IsOptional()
  @IsObject()
  properties?: Record<string, unknown>;
}

export class SegmentPageDto extends SegmentMessageDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsText(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsText(200)
  category?: string;

  @ApiPropertyOptional({ type: Object, description: 'url, path, title, referrer…' })
  @IsOptional()
  @IsObject()
  properties?: Record<string, unknown>;
}

export class SegmentIdentifyDto extends SegmentMessageDto {
  @ApiPropertyOptional({ type: Object, description: 'email, firstName, lastName, title, company, industry…' })
  @IsOptional()
  @IsObject()
  traits?: Record<string, unknown>;
}

export class SegmentAliasDto {
  @ApiProperty({ description: 'The id the person was known by (usually the anonymous id).' })
  @IsText(128)
  previousId!: string;

  @ApiProperty()
  @IsText(128)
  userId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsText(128)
  messageId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimestamp()
  timestamp?: string;
}

export const SEGMENT_BATCH_TYPES = ['track', 'page', 'screen', 'identify', 'alias'] as const;
export type SegmentBatchType = (typeof SEGMENT_BATCH_TYPES)[number];

/** The `type` every item of a Segment batch carries. */
export class SegmentBatchItemTypeDto {
  @IsIn(SEGMENT_BATCH_TYPES)
  type!: SegmentBatchType;
}

export class SegmentBatchDto {
  @ApiProperty({ type: [Object], description: 'Messages, each with "type": track, page, screen, identify or alias.' })
  batch!: unknown[];
}
