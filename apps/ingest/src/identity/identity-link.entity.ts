import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IdentityKind } from '@handoff/domain-identity';

/**
 * An identifier (anonymous id, user id or email hash) and the lead it belongs to. The primary key makes
 * each identifier belong to exactly one lead; a merge repoints the merged lead's links to the survivor.
 */
@Entity({ name: 'identity_links' })
@Index('IDX_identity_links_lead_id', ['leadId'])
export class IdentityLink {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind!: IdentityKind;

  /** The id as sent (trimmed); for `email` the SHA-256 hex of the normalised address, never the address. */
  @PrimaryColumn({ type: 'text' })
  value!: string;

  @Column({ name: 'lead_id', type: 'uuid' })
  leadId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
