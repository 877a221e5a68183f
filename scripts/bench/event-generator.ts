/** A native `POST /v1/events` event, as a marketing tool would send it. */
export interface BenchEvent {
  messageId: string;
  type: string;
  occurredAt: string;
  identity: { anonymousId?: string; userId?: string; email?: string };
  properties: Record<string, string | number>;
  profile?: Record<string, string | number>;
}

/** Share of events from one-off anonymous visitors: each one creates a lead (the slow, locked path). */
const ONE_OFF_SHARE = 0.2;
/** Share of returning visitors who are known by email (some also by user id). */
const KNOWN_SHARE = 0.4;
/** Share of a known visitor's events that are profile updates (identify calls). */
const PROFILE_UPDATE_SHARE = 0.03;

const ACTIVITY_MIX: readonly [type: string, weight: number][] = [
  ['page_view', 55],
  ['email_open', 12],
  ['email_click', 8],
  ['pricing_page_view', 8],
  ['product_usage', 6],
  ['form_submit', 4],
  ['content_download', 4],
  ['webinar_registered', 3],
];
const TOTAL_WEIGHT = ACTIVITY_MIX.reduce((sum, [, weight]) => sum + weight, 0);
const PAGES = ['/', '/pricing', '/product/scoring', '/blog/lead-routing-101', '/customers', '/docs/getting-started'];
const TITLES = ['Head of Growth', 'Marketing Ops Manager', 'VP Sales', 'Demand Gen Lead', 'CMO'];

/** mulberry32: seeded, so two generators built alike produce the same events (ingest and baseline). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Realistic traffic for identity resolution: a fifth from first-time anonymous visitors, the rest from a
 * pool of returning visitors where a few come back often (squared draw), 40% of them known by an email
 * written with varying case and stray spaces (normalisation), a few by user id too, and an occasional
 * profile update. Every event has a unique messageId, so nothing is a duplicate.
 */
export class EventGenerator {
  private readonly random: () => number;
  private sequence = 0;

  constructor(
    private readonly runId: string,
    private readonly visitors: number,
    seed = 20_240_601,
  ) {
    this.random = seededRandom(seed);
  }

  next(): BenchEvent {
    const sequence = this.sequence++;
    const messageId = `bench-${this.runId}-${sequence}`;
    const occurredAt = new Date(Date.now() - Math.floor(this.random() * 5000)).toISOString();
    if (this.random() < ONE_OFF_SHARE) {
      return this.activity(messageId, occurredAt, { anonymousId: `anon-${this.runId}-once-${sequence}` });
    }
    const visitor = Math.floor(this.visitors * this.random() ** 2);
    const anonymousId = `anon-${this.runId}-${visitor}`;
    if (visitor % 10 >= KNOWN_SHARE * 10) return this.activity(messageId, occurredAt, { anonymousId });
    const identity = this.knownIdentity(visitor, anonymousId);
    if (this.random() < PROFILE_UPDATE_SHARE) return this.profileUpdate(messageId, occurredAt, identity, visitor);
    return this.activity(messageId, occurredAt, identity);
  }

  batch(size: number): BenchEvent[] {
    return Array.from({ length: size }, () => this.next());
  }

  private knownIdentity(visitor: number, anonymousId: string): BenchEvent['identity'] {
    const local = this.random() < 0.2 ? `Visitor.${visitor}` : `visitor.${visitor}`;
    const domain = this.random() < 0.3 ? `ACME-${visitor % 97}.example.com` : `acme-${visitor % 97}.example.com`;
    const email = `${local}.${this.runId}@${domain}`;
    const withUserId = visitor % 10 === 0 ? { userId: `user-${this.runId}-${visitor}` } : {};
    // Emails arrive alone (an email click) or together with the browser's anonymous id (a tracked form).
    return this.random() < 0.5 ? { email, ...withUserId } : { anonymousId, email, ...withUserId };
  }

  private activity(messageId: string, occurredAt: string, identity: BenchEvent['identity']): BenchEvent {
    const type = this.activityType();
    return { messageId, type, occurredAt, identity, properties: this.propertiesOf(type) };
  }

  private profileUpdate(
    messageId: string,
    occurredAt: string,
    identity: BenchEvent['identity'],
    visitor: number,
  ): BenchEvent {
    return {
      messageId,
      type: 'profile_update',
      occurredAt,
      identity,
      properties: {},
      profile: {
        firstName: `Visitor${visitor}`,
        title: TITLES[visitor % TITLES.length],
        company: `Acme ${visitor % 97}`,
        employeeCount: 50 + (visitor % 20) * 100,
        country: 'DE',
      },
    };
  }

  private activityType(): string {
    let draw = this.random() * TOTAL_WEIGHT;
    for (const [type, weight] of ACTIVITY_MIX) {
      draw -= weight;
      if (draw < 0) return type;
    }
    return ACTIVITY_MIX[0][0];
  }

  private propertiesOf(type: string): Record<string, string | number> {
    if (type.startsWith('email_')) {
      return { campaignId: `cmp-${Math.floor(this.random() * 40)}`, subject: 'Your Q3 pipeline report' };
    }
    const path = PAGES[Math.floor(this.random() * PAGES.length)];
    return {
      url: `https://www.example.com${path}?utm_source=newsletter&utm_medium=email`,
      path,
      title: 'Handoff: lead scoring and routing',
      referrer: 'https://www.google.com/',
    };
  }
}

/** The Kafka key the baseline uses: the person the event names, as ingest keys by lead. */
export function personKeyOf(event: BenchEvent): string {
  return event.identity.email?.trim().toLowerCase() ?? event.identity.userId ?? event.identity.anonymousId ?? '';
}
