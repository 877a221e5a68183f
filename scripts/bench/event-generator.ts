/** A native `POST /v1/events` event, as a marketing tool would send it. */
export interface BenchEvent {
  messageId: string;
  type: string;
  occurredAt: string;
  identity: { anonymousId?: string; userId?: string; email?: string };
  properties: Record<string, string | number>;
  profile?: Record<string, string | number>;
}

/** Share of a new visitor's first events that already name them by email (a tracked form, a campaign click). */
const KNOWN_AT_FIRST_SHARE = 0.3;
/** Share of a returning anonymous visitor's events where they identify themselves (form fill: identity linked). */
const CONVERSION_SHARE = 0.05;
/** Share of a known visitor's events that are profile updates (identify calls). */
const PROFILE_UPDATE_SHARE = 0.03;

interface Visitor {
  id: number;
  anonymousId: string;
  email?: string;
  userId?: string;
}

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
 * Realistic traffic for identity resolution, the same whatever the rate or duration: a fixed share of events
 * comes from first-time visitors (each creates a lead: the locked path), the rest from visitors seen before,
 * recent ones more often (their lead is found without locks). Some visitors are known by an email written
 * with varying case (normalisation), some also by a user id; returning anonymous visitors now and then fill
 * in a form, linking their email to their lead; known ones send an occasional profile update. Every event
 * has a unique messageId, so nothing is a duplicate.
 */
export class EventGenerator {
  private readonly random: () => number;
  private readonly visitors: Visitor[] = [];
  private sequence = 0;

  constructor(
    private readonly runId: string,
    private readonly newVisitorShare: number,
    seed = 20_240_601,
  ) {
    this.random = seededRandom(seed);
  }

  next(): BenchEvent {
    const messageId = `bench-${this.runId}-${this.sequence++}`;
    const occurredAt = new Date(Date.now() - Math.floor(this.random() * 5000)).toISOString();
    if (this.visitors.length === 0 || this.random() < this.newVisitorShare) {
      const visitor = this.newVisitor();
      return this.activity(messageId, occurredAt, this.identityOf(visitor, true));
    }
    const visitor = this.returningVisitor();
    if (!visitor.email && this.random() < CONVERSION_SHARE) {
      visitor.email = this.emailOf(visitor.id);
      return { ...this.activity(messageId, occurredAt, this.identityOf(visitor, true)), type: 'form_submit' };
    }
    const identity = this.identityOf(visitor, false);
    if (visitor.email && this.random() < PROFILE_UPDATE_SHARE) {
      return this.profileUpdate(messageId, occurredAt, identity, visitor.id);
    }
    return this.activity(messageId, occurredAt, identity);
  }

  batch(size: number): BenchEvent[] {
    return Array.from({ length: size }, () => this.next());
  }

  private newVisitor(): Visitor {
    const id = this.visitors.length;
    const visitor: Visitor = { id, anonymousId: `anon-${this.runId}-${id}` };
    if (this.random() < KNOWN_AT_FIRST_SHARE) {
      visitor.email = this.emailOf(id);
      if (id % 3 === 0) visitor.userId = `user-${this.runId}-${id}`;
    }
    this.visitors.push(visitor);
    return visitor;
  }

  /** Recent visitors come back more often (squared draw from the newest end). */
  private returningVisitor(): Visitor {
    const back = Math.floor(this.visitors.length * this.random() ** 2);
    return this.visitors[this.visitors.length - 1 - back];
  }

  /** Case varies between events, as people type it; validation and normalisation must cope. */
  private emailOf(id: number): string {
    const local = this.random() < 0.2 ? `Visitor.${id}` : `visitor.${id}`;
    return `${local}.${this.runId}@acme-${id % 97}.example.com`;
  }

  /**
   * The first event names every id the visitor has (so their keys are linked from the start); later ones
   * name the email alone (an email click) or with the browser's anonymous id (the tracked site).
   */
  private identityOf(visitor: Visitor, first: boolean): BenchEvent['identity'] {
    if (!visitor.email) return { anonymousId: visitor.anonymousId };
    const email = this.random() < 0.3 ? visitor.email.toUpperCase() : visitor.email;
    const userId = visitor.userId ? { userId: visitor.userId } : {};
    if (first || this.random() < 0.5) return { anonymousId: visitor.anonymousId, email, ...userId };
    return { email, ...userId };
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
