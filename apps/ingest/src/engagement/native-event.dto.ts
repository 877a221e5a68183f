import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EngagementIdentityV1,
  type EventProperties,
  HasAtLeastOneOf,
  IDENTITY_FIELDS,
  InboundProfileV1,
  IsCustomTypeOfActivity,
  IsFlatRecord,
  IsNestedObject,
  IsOptionalNested,
  IsText,
  IsTimestamp,
} from '@handoff/contracts';
import { ACTIVITY_TYPES, type ActivityType } from '@handoff/shared-vocabulary';
import { IsIn, IsOptional } from 'class-validator';

/** One event of `POST /v1/events`: an engagement, or a profile update when `type` is `profile_update`. */
export class NativeEventDto {
  @ApiProperty({ description: 'Your id for this message; a retry with the same id is recorded once.', maxLength: 128 })
  @IsText(128)
  messageId!: string;

  @ApiProperty({ enum: ACTIVITY_TYPES })
  @IsIn(ACTIVITY_TYPES)
  type!: ActivityType;

  @ApiPropertyOptional({ description: 'Required when type is custom, e.g. `g2_review_posted`.' })
  @IsCustomTypeOfActivity()
  customType?: string;

  @ApiPropertyOptional({ description: 'When it happened (ISO 8601); defaults to when Handoff received it.' })
  @IsOptional()
  @IsTimestamp()
  occurredAt?: string;

  @ApiProperty({ description: 'At least one of anonymousId, userId, email.', example: { email: 'ada@example.com' } })
  @IsNestedObject(() => EngagementIdentityV1)
  @HasAtLeastOneOf(IDENTITY_FIELDS)
  identity!: EngagementIdentityV1;

  @ApiPropertyOptional({
    description: 'Flat named values (one level of grouping allowed), e.g. the page URL.',
    example: { url: 'https://example.com/pricing' },
  })
  @IsOptional()
  @IsFlatRecord()
  properties?: EventProperties;

  @ApiPropertyOptional({ description: 'Profile attributes (email, title, company, industry, employeeCount…).' })
  @IsOptionalNested(() => InboundProfileV1)
  profile?: InboundProfileV1;
}

export class NativeBatchDto {
  @ApiProperty({ type: [NativeEventDto] })
  batch!: NativeEventDto[];
}
