import { Equals, IsIn, IsOptional } from 'class-validator';
import { ACTIVITY_TYPES, type ActivityType } from '@handoff/shared-vocabulary';
import { EventEnvelope } from '../envelope';
import { HasAtLeastOneOf } from '../validation/has-at-least-one-of.validator';
import { IsCustomTypeOfActivity } from '../validation/is-custom-type.validator';
import { IsFlatRecord, type EventProperties } from '../validation/is-flat-record.validator';
import { IsIdentifier, IsNestedObject, IsOptionalEmail, IsOptionalNested, IsText } from '../validation/field-rules';
import { InboundProfileV1 } from './lead-profile.v1';

/** Who did it, as the marketing tool knows them. At least one field is required. */
export class EngagementIdentityV1 {
  @IsOptional()
  @IsText(128)
  anonymousId?: string;

  @IsOptional()
  @IsText(128)
  userId?: string;

  @IsOptionalEmail()
  email?: string;
}

export const IDENTITY_FIELDS = ['anonymousId', 'userId', 'email'] as const;

/** What marketing tools produce to Kafka: the same shape as ingest's native HTTP body. */
export class EngagementInboundV1 extends EventEnvelope {
  @Equals(1)
  override schemaVersion!: 1;

  /** Optional on Kafka: ingest falls back to the source configured for the producing client. */
  @IsOptional()
  @IsIdentifier()
  sourceId?: string;

  @IsIn(ACTIVITY_TYPES)
  type!: ActivityType;

  @IsCustomTypeOfActivity()
  customType?: string;

  @IsNestedObject(() => EngagementIdentityV1)
  @HasAtLeastOneOf(IDENTITY_FIELDS)
  identity!: EngagementIdentityV1;

  @IsFlatRecord()
  properties!: EventProperties;

  /** Profile attributes carried by identify/profile events (and optionally by any engagement). */
  @IsOptionalNested(() => InboundProfileV1)
  profile?: InboundProfileV1;
}

/** anonymousId ?? userId ?? email (lower-cased so one person's casing variants share a partition). */
export function inboundKeyOf(event: EngagementInboundV1): string {
  const { anonymousId, userId, email } = event.identity;
  return anonymousId ?? userId ?? email?.toLowerCase() ?? '';
}
