import { useState } from 'react';
import { apiGet, segment } from '../../api/client';
import type { LeadContact } from '../../api/ingest';
import { ErrorMessage } from '../../common/status';
import { useAction } from '../../common/use-action';

const FIELDS = [
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['company', 'Company'],
  ['title', 'Title'],
] as const;

/** Contact details on request only: each read is written to the audit log. */
export function LeadContactSection({ leadId }: { leadId: string }) {
  const [contact, setContact] = useState<LeadContact>();
  const { busy, error, run } = useAction();

  const show = () => run(async () => setContact(await apiGet<LeadContact>(`/api/leads/${segment(leadId)}/contact`)));

  return (
    <section aria-labelledby="contact">
      <h2 id="contact">Contact details</h2>
      <p className="muted">Reading a lead’s contact details is recorded in the audit log.</p>
      {!contact && (
        <button type="button" onClick={() => void show()} disabled={busy}>
          Show contact details
        </button>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {contact && (
        <dl className="facts">
          {FIELDS.map(([field, label]) => (
            <div key={field} className="fact">
              <dt>{label}</dt>
              <dd>{contact.contact[field] ?? '—'}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
