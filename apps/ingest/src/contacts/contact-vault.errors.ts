/** Why a vault request cannot be answered; the HTTP layer maps the code to a status. */
export type ContactVaultErrorCode = 'lead_not_found' | 'contact_erased' | 'contact_undecryptable';

export class ContactVaultError extends Error {
  private constructor(
    readonly code: ContactVaultErrorCode,
    message: string,
    readonly erasedAt?: Date,
  ) {
    super(message);
    this.name = 'ContactVaultError';
  }

  static leadNotFound(leadId: string): ContactVaultError {
    return new ContactVaultError('lead_not_found', `no lead has the id ${leadId}`);
  }

  /** Neither INGEST_SECRET_KEY nor INGEST_SECRET_KEY_PREVIOUS opens the entry: a key configuration problem. */
  static undecryptable(leadId: string): ContactVaultError {
    return new ContactVaultError(
      'contact_undecryptable',
      `the contact details of lead ${leadId} open with neither INGEST_SECRET_KEY nor INGEST_SECRET_KEY_PREVIOUS`,
    );
  }

  static erased(leadId: string, erasedAt: Date): ContactVaultError {
    return new ContactVaultError(
      'contact_erased',
      `the personal data of lead ${leadId} was erased at ${erasedAt.toISOString()}`,
      erasedAt,
    );
  }
}
