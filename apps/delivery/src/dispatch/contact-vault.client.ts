/** What ingest's contact vault holds for a lead: its details, or nothing to send (never recorded, or erased). */
export type ContactLookup = { kind: 'found'; contact: Record<string, unknown> } | { kind: 'none'; why: string };

/**
 * Reads a lead's contact details from ingest (`GET /leads/:id/contact` with ingest's contact token). Erased
 * details answer 410 and unknown leads 404: both mean "send none", so an erased contact is never sent. Anything
 * else is an outage, for the attempt to retry.
 */
export class ContactVaultClient {
  constructor(
    private readonly urlTemplate: string,
    private readonly token: string,
    private readonly timeoutMs: number,
  ) {}

  async lookup(leadId: string): Promise<ContactLookup> {
    const url = this.urlTemplate.replace('{leadId}', encodeURIComponent(leadId));
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${this.token}` },
      signal: AbortSignal.timeout(this.timeoutMs),
      redirect: 'error',
    });
    if (response.status === 410) return { kind: 'none', why: 'erased' };
    if (response.status === 404) return { kind: 'none', why: 'no contact recorded' };
    if (!response.ok) throw new Error(`contact vault answered ${response.status}`);
    const body = (await response.json()) as { contact?: Record<string, unknown> };
    return { kind: 'found', contact: body.contact ?? {} };
  }
}

/** The delivery body with the lead's contact details added under `contact` (left as it was when there are none). */
export function withContact(body: string, lookup: ContactLookup): string {
  if (lookup.kind === 'none') return body;
  return JSON.stringify({ ...(JSON.parse(body) as object), contact: lookup.contact });
}
