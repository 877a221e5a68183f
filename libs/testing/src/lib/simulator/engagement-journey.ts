// What one simulated person does before sales hears of them: browsing sessions on their devices, content, webinars,
// email clicks once marketing knows their address, the form that identifies them, and maybe a demo request.
// Every probability grows with the person's propensity, so buyers engage more and more seriously.
import type { ActivityType } from '@handoff/shared-vocabulary';
import type { SeededRandom } from './seeded-random';
import type { SimulatedLead } from './simulated-lead';

export interface JourneyStep {
  type: ActivityType;
  /** Index into the lead's anonymous ids: the device the step happens on. */
  device: number;
  /** The step names the person's email (an identify, a form, an email click): it ties the device to the person. */
  identifies: boolean;
  /** Page path for page views, asset or webinar for content. */
  detail?: string;
}

const PAGES = ['/', '/product', '/product/scoring', '/blog/lead-routing-101', '/customers', '/docs'] as const;
const ASSETS = ['whitepaper-routing', 'ebook-scoring', 'case-study-acme', 'benchmark-report'] as const;
const WEBINARS = ['webinar-pipeline-2027', 'webinar-revops-basics'] as const;

/** How many browsing sessions a person with `propensity` has, on average: 1.5 for the idle, 7.5 for buyers. */
export const meanSessions = (propensity: number): number => 1.5 + 6 * propensity;

/** The lead's steps in the order they happen. */
export function journeyOf(random: SeededRandom, lead: SimulatedLead): JourneyStep[] {
  const p = lead.propensity;
  const sessions = 1 + random.poisson(meanSessions(p) - 1);
  // Some people never say who they are; buyers usually do, a few sessions in.
  const identifiesAt = random.chance(0.25 + 0.65 * p) ? random.int(0, sessions - 1) : undefined;
  const identifiedDevices = new Set<number>();
  const steps: JourneyStep[] = [];
  for (let session = 0; session < sessions; session++) {
    const device = random.int(0, lead.anonymousIds.length - 1);
    const known = identifiesAt !== undefined && session >= identifiesAt;
    steps.push(...browsingSession(random, p, device));
    // The form on the first device, and again on a second device when the person signs in there too.
    if (known && !identifiedDevices.has(device)) {
      identifiedDevices.add(device);
      steps.push({ type: 'profile_update', device, identifies: true });
    }
    if (known && random.chance(0.15 + 0.35 * p)) {
      steps.push({ type: 'email_click', device, identifies: true, detail: '/blog/lead-routing-101' });
    }
  }
  if (identifiesAt !== undefined && random.chance(0.05 + 0.75 * p ** 1.5)) {
    steps.push({ type: 'demo_request', device: [...identifiedDevices][0] ?? 0, identifies: true });
  }
  return steps;
}

function browsingSession(random: SeededRandom, p: number, device: number): JourneyStep[] {
  const steps: JourneyStep[] = [];
  const views = 1 + random.poisson(1 + 2 * p);
  for (let view = 0; view < views; view++) {
    steps.push({ type: 'page_view', device, identifies: false, detail: random.pick(PAGES) });
  }
  if (random.chance(0.1 + 0.5 * p))
    steps.push({ type: 'pricing_page_view', device, identifies: false, detail: '/pricing' });
  if (random.chance(0.05 + 0.3 * p)) {
    steps.push({ type: 'content_download', device, identifies: false, detail: random.pick(ASSETS) });
  }
  if (random.chance(0.03 + 0.25 * p)) {
    const webinar = random.pick(WEBINARS);
    steps.push({ type: 'webinar_registered', device, identifies: false, detail: webinar });
    if (random.chance(0.4 + 0.4 * p))
      steps.push({ type: 'webinar_attended', device, identifies: false, detail: webinar });
  }
  return steps;
}

/** How intense a journey is: its steps, with intent signals (pricing, demo, webinars attended) counted double. */
export function intensityOf(steps: readonly JourneyStep[]): number {
  const intent = new Set<ActivityType>(['pricing_page_view', 'demo_request', 'webinar_attended']);
  return steps.reduce((sum, step) => sum + (intent.has(step.type) ? 2 : 1), 0);
}
