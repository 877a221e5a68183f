import { type BenchEvent, EventGenerator } from './event-generator';
import { seededAnonymousId } from './pipeline-seed';

/** Share of events from visitors the database already knows (the pre-seeded leads). */
const SEEDED_VISITOR_SHARE = 0.3;
/** One request in this many also carries a buyer's whole journey, which qualifies them and gets them routed. */
const HOT_JOURNEY_EVERY = 10;

/**
 * The pipeline bench's requests: batches of realistic engagement (EventGenerator: new and returning visitors,
 * forms, profile updates), a share of it from pre-seeded leads, and now and then a hot buyer (pricing, content,
 * a webinar, a form naming a well-fitting company, a demo request) whom scoring qualifies and routing routes.
 */
export class PipelineTraffic {
  private readonly generator: EventGenerator;
  private draws = 0;
  private hotBuyers = 0;

  constructor(
    private readonly runId: string,
    private readonly seededLeads: number,
    private readonly batchSize: number,
  ) {
    // Every event's first sight of a visitor creates a lead, the rest return: the generator's realistic mix.
    this.generator = new EventGenerator(runId, 0.2);
  }

  /** The events of request `index`: `batchSize` of them, plus a hot journey on every tenth request. */
  request(index: number): BenchEvent[] {
    const events = this.generator.batch(this.batchSize).map((event) => this.maybeSeeded(event));
    return index % HOT_JOURNEY_EVERY === 0 ? [...events, ...this.hotJourney()] : events;
  }

  /** Events per request on average, for turning an events/s rate into requests/s. */
  get eventsPerRequest(): number {
    return this.batchSize + HOT_JOURNEY.length / HOT_JOURNEY_EVERY;
  }

  private maybeSeeded(event: BenchEvent): BenchEvent {
    // A cheap deterministic spread (no second random stream): every n-th event, a seeded visitor.
    this.draws++;
    if (this.seededLeads === 0 || this.draws % Math.round(1 / SEEDED_VISITOR_SHARE) !== 0) return event;
    const visitor = 1 + ((this.draws * 2_654_435_761) % this.seededLeads);
    return { ...event, identity: { anonymousId: seededAnonymousId(visitor) } };
  }

  private hotJourney(): BenchEvent[] {
    const buyer = `hot-${this.runId}-${this.hotBuyers++}`;
    const occurredAt = new Date().toISOString();
    return HOT_JOURNEY.map((step, i) => ({
      messageId: `${buyer}-${i}`,
      occurredAt,
      properties: {},
      ...step(buyer),
    }));
  }
}

type JourneyStep = (buyer: string) => Pick<BenchEvent, 'type' | 'identity'> & Partial<BenchEvent>;

const HOT_JOURNEY: readonly JourneyStep[] = [
  (buyer) => ({ type: 'pricing_page_view', identity: { anonymousId: buyer }, properties: { path: '/pricing' } }),
  (buyer) => ({ type: 'content_download', identity: { anonymousId: buyer }, properties: { asset: 'whitepaper' } }),
  (buyer) => ({ type: 'webinar_attended', identity: { anonymousId: buyer } }),
  (buyer) => ({
    type: 'profile_update',
    identity: { anonymousId: buyer, email: `ada.${buyer}@acme-bench.example.com` },
    profile: {
      title: 'VP Sales',
      seniority: 'vp',
      company: 'Acme',
      industry: 'software',
      employeeCount: 300,
      country: 'DE',
    },
  }),
  (buyer) => ({ type: 'demo_request', identity: { anonymousId: buyer } }),
];
