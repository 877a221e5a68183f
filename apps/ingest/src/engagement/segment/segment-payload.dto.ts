import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsText, IsTimestamp } from '@handoff/contracts';
import { IsIn, IsObject, IsOptional } from 'class-validator';

/** When a call happened; read by eventTimeOf (segment-time.ts), which applies the device clock correction. */
export class SegmentTimesDto {
  @ApiPropertyOptional({ description: 'When it happened (RFC 3339 with a time zone).' })
  @IsOptional()
  @IsTimestamp()
  timestamp?: string;

  // The device's clock may be far off: these are checked once corrected, not against the window here.
  @ApiPropertyOptional({ description: 'Device clock time of the event; corrected for skew with sentAt.' })
  @IsOptional()
  @IsText(64)
  originalTimestamp?: string;

  @ApiPropertyOptional({ description: 'Device clock time of sending.' })
  @IsOptional()
  @IsText(64)
  sentAt?: string;
}

/**
 * Fields of the Segment HTTP Tracking API that Handoff reads. Segment clients send more (context,
 * integrations, channel, version…); those are accepted and ignored, as Segment's own API does.
 */
export class SegmentMessageDto extends SegmentTimesDto {
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

/** A group call: the user belongs to a company (or other group), described by its traits. */
export class SegmentGroupDto extends SegmentMessageDto {
  @ApiProperty({ description: 'Your id for the group (company, account).' })
  @IsText(128)
  groupId!: string;

  @ApiPropertyOptional({ type: Object, description: 'name, website, industry, employees…' })
  @IsOptional()
  @IsObject()
  traits?: Record<string, unknown>;
}

export class SegmentAliasDto extends SegmentTimesDto {
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
}

export const SEGMENT_BATCH_TYPES = ['track', 'page', 'screen', 'identify', 'group', 'alias'] as const;
export type SegmentBatchType = (typeof SEGMENT_BATCH_TYPES)[number];

/** The `type` every item of a Segment batch carries. */
export class SegmentBatchItemTypeDto {
  @IsIn(SEGMENT_BATCH_TYPES)
  type!: SegmentBatchType;
}

export class SegmentBatchDto {
  @ApiProperty({
    type: [Object],
    description: 'Messages, each with "type": track, page, screen, identify, group or alias.',
  })
  batch!: unknown[];
}
