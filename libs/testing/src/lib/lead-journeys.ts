// What a visitor's browser and forms send to ingest's native API, as event lists with their own message ids, so
// a scenario can send the very same traffic again.
import type { IngestSender } from './ingest-sender';

type UntimedEvent = Record<string, unknown> & { messageId: string; type: string };
export type IngestEvent = UntimedEvent & { occurredAt: string };

/** Event times a second apart, the last one now: sent again, an event is the very same body. */
function inSequence(events: UntimedEvent[]): IngestEvent[] {
  const now = Date.now();
  return events.map((event, index) => ({
    ...event,
    occurredAt: new Date(now - (events.length - 1 - index) * 1000).toISOString(),
  }));
}

export interface HotLeadProfile {
  country: string;
  /** The domain of the work email the form gives; an account's domain makes its owner a candidate. */
  emailDomain?: string;
}

/**
 * An anonymous visitor who reads pricing, downloads a whitepaper, attends a webinar, fills the form (a VP of Sales
 * at Initech, 300 people, software: grade A) and requests a demo: behaviour 73 under the default model, an MQL.
 */
export function hotLeadEvents(
  visitor: string,
  { country, emailDomain = 'example.com' }: HotLeadProfile,
): IngestEvent[] {
  const identity = { anonymousId: visitor };
  const profile = {
    title: 'VP Sales',
    seniority: 'vp',
    company: 'Initech',
    industry: 'software',
    employeeCount: 300,
    country,
  };
  return inSequence([
    { messageId: `${visitor}-pricing`, type: 'pricing_page_view', identity },
    { messageId: `${visitor}-download`, type: 'content_download', identity, properties: { asset: 'whitepaper' } },
    { messageId: `${visitor}-webinar`, type: 'webinar_attended', identity },
    {
      messageId: `${visitor}-form`,
      type: 'profile_update',
      identity: { ...identity, email: `ada.${visitor}@${emailDomain}` },
      profile,
    },
    { messageId: `${visitor}-demo`, type: 'demo_request', identity },
  ]);
}

/** An anonymous visitor who reads the blog and looks at pricing twice (behaviour 20), and never says who they are. */
export function coldLeadEvents(visitor: string): IngestEvent[] {
  const identity = { anonymousId: visitor };
  return inSequence([
    { messageId: `${visitor}-blog`, type: 'page_view', identity, properties: { url: 'https://example.com/blog/a' } },
    { messageId: `${visitor}-pricing-1`, type: 'pricing_page_view', identity },
    { messageId: `${visitor}-pricing-2`, type: 'pricing_page_view', identity },
  ]);
}

/** Sends the events one by one, in order, and answers the one lead ingest tied them all to. */
export async function sendJourney(send: IngestSender, events: readonly IngestEvent[]): Promise<string> {
  const leadIds = new Set<string | undefined>();
  for (const event of events) leadIds.add((await send(event)).results[0].leadId);
  const [leadId] = leadIds;
  if (leadIds.size !== 1 || !leadId) throw new Error(`ingest tied the journey to leads ${[...leadIds].join(', ')}`);
  return leadId;
}
