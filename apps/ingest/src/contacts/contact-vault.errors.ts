import { DomainError } from '@handoff/shared-errors';

/** Why a vault request cannot be answered, as the audit log records it. */
export type ContactVaultRefusal = 'lead_not_found' | 'contact_erased' | 'contact_undecryptable';

export class ContactVaultError extends DomainError {
  private constructor(
    readonly refusal: ContactVaultRefusal,
    code: 'not-found' | 'gone' | 'unavailable',
    message: string,
    readonly erasedAt?: Date,
  ) {
    super(code, message);
    this.name = 'ContactVaultError';
  }

  static leadNotFound(leadId: string): ContactVaultError {
    return new ContactVaultError('lead_not_found', 'not-found', `no lead has the id ${leadId}`);
  }

  /** Neither INGEST_SECRET_KEY nor INGEST_SECRET_KEY_PREVIOUS opens the entry: a key configuration problem. */
  static undecryptable(leadId: string): ContactVaultError {
    return new ContactVaultError(
      'contact_undecryptable',
      'unavailable',
      `contact vault misconfigured: the contact details of lead ${leadId} open with neither INGEST_SECRET_KEY nor INGEST_SECRET_KEY_PREVIOUS`,
    );
  }

  static erased(leadId: string, erasedAt: Date): ContactVaultError {
    return new ContactVaultError(
      'contact_erased',
      'gone',
      `the personal data of lead ${leadId} was erased at ${erasedAt.toISOString()}`,
      erasedAt,
    );
  }
}
