import { Equals, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ACTIVITY_TYPES, type ActivityType } from '@handoff/shared-vocabulary';
import { EventEnvelope } from '../envelope';
import { HasAtLeastOneOf } from '../validation/has-at-least-one-of.validator';
import { IsCustomTypeOfActivity } from '../validation/is-custom-type.validator';
import { IsFlatRecord, type EventProperties } from '../validation/is-flat-record.validator';
import { IsIdentifier, IsNestedObject, IsOptionalNested, IsText } from '../validation/field-rules';
import { IsTimestamp } from '../validation/instant';
import { RecordedProfileV1 } from './lead-profile.v1';

export const EMAIL_HASH_PATTERN = /^[a-f0-9]{64}$/;

/**
 * The identities ingest saw on the source event. The clear email never leaves ingest: consumers get a
 * 64-character lower-case hex SHA-256 digest, and an `email` field is rejected as unknown.
 */
export class IdentitySnapshotV1 {
  @IsOptional()
  @IsText(128)
  anonymousId?: string;

  @IsOptional()
  @IsText(128)
  userId?: string;

  @IsOptional()
  @Matches(EMAIL_HASH_PATTERN, {
    message: '$property must be 64 lower-case hex characters (a SHA-256 digest)',
  })
  emailHash?: string;
}

/** An accepted engagement, attributed to one lead. `occurredAt` is source time, `receivedAt` ingest time. */
export class EngagementRecordedV1 extends EventEnvelope {
  @Equals(1)
  override schemaVersion!: 1;

  @IsUUID()
  leadId!: string;

  @IsIdentifier()
  sourceId!: string;

  @IsIn(ACTIVITY_TYPES)
  type!: ActivityType;

  @IsCustomTypeOfActivity()
  customType?: string;

  @IsFlatRecord()
  properties!: EventProperties;

  /** Profile attributes carried by identify/profile events (and optionally by any engagement). */
  @IsOptionalNested(() => RecordedProfileV1)
  profile?: RecordedProfileV1;

  @IsNestedObject(() => IdentitySnapshotV1)
  @HasAtLeastOneOf(['anonymousId', 'userId', 'emailHash'])
  identity!: IdentitySnapshotV1;

  @IsTimestamp()
  receivedAt!: string;
}
