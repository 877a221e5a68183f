import { Injectable } from '@nestjs/common';
import { emailHash, type IdentityKind, normaliseEmail } from '@handoff/domain-identity';
import { DomainError } from '@handoff/shared-errors';
import { DataSource } from 'typeorm';
import { IngestConfig } from '../app/ingest.config';
import { IdentityStore } from '../identity';

/** An address is stored as an email key, or as the id it was used as: the email key wins when both exist. */
const KINDS_BY_PREFERENCE: readonly IdentityKind[] = ['email', 'user', 'anonymous'];

/** Finds the lead of an email address through its digest; the address itself is never stored or logged. */
@Injectable()
export class LeadLookup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly identities: IdentityStore,
    private readonly config: IngestConfig,
  ) {}

  /** The surviving lead the address identifies (merges followed). */
  async byEmail(email: string): Promise<string> {
    const normalised = normaliseEmail(email, { stripPlusTag: this.config.INGEST_STRIP_PLUS_TAGS });
    if (normalised === undefined) {
      throw new DomainError('invalid', 'the email is not an address', {
        details: [{ field: 'email', reasons: ['email must be an email address'] }],
      });
    }
    const digest = emailHash(normalised);
    const links = await this.identities.readLinks(
      this.dataSource.manager,
      KINDS_BY_PREFERENCE.map((kind) => ({ kind, value: digest })),
    );
    for (const kind of KINDS_BY_PREFERENCE) {
      const link = links.find((candidate) => candidate.kind === kind && candidate.value === digest);
      if (link) return link.leadId;
    }
    throw new DomainError('not-found', 'no lead has this email (or its personal data was erased)');
  }
}
