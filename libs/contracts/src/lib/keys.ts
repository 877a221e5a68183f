import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsIdentifier } from './validation/field-rules';

/** Key of every lead-scoped topic: one lead's events share a partition, so they are consumed in order. */
export class LeadKey {
  @IsUUID()
  leadId!: string;
}

/** Key of rep-scoped topics; on the compacted capacity topic it is what compaction keeps the latest value of. */
export class RepKey {
  @IsIdentifier()
  repId!: string;
}

/**
 * Key of `engagement.inbound.v1`: the first identity the producer knows (anonymousId, else userId, else the
 * lower-cased email). Only keeps one visitor's events in order before ingest has resolved a lead id.
 */
export class InboundKey {
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  identity!: string;
}
