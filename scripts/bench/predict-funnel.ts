// The simulator's funnel without the services: each person's journey on a clock, scored by the shipped rule model
// (libs/domain/scoring, as the scoring service would), handed to sales when the rules qualify them, and labelled
// by the simulated sales side. The hidden propensity rides along, so a model can be judged against the best
// achievable ranking.
import {
  type Engagement,
  type HistoryEvent,
  type LeadProfile,
  replayLead,
  type ScoringModel,
} from '@handoff/domain-scoring';
import { engagementHistoryAsOf, type EngagementFact, type LeadSnapshot } from '@handoff/domain-prediction';
import {
  drawLead,
  journeyOf,
  marketCompanies,
  propertiesOf,
  salesResponseOf,
  SeededRandom,
  type SimulatedLead,
} from '@handoff/testing';

const HOUR = 3_600_000;
/** One new person every ten minutes: a few thousand leads span weeks, so decay and recency matter. */
const ARRIVAL_GAP_MS = 10 * 60_000;
const START = Date.parse('2026-01-05T09:00:00Z');

export interface HandedOffLead {
  key: string;
  handedAt: number;
  propensity: number;
  converted: 0 | 1;
  snapshot: LeadSnapshot;
  /** The rule model's view at the hand-off: behaviour points plus fit score. */
  ruleScore: number;
}

export interface PredictFunnel {
  leads: number;
  engagements: number;
  handedOff: HandedOffLead[];
  /** Every simulated lead's engagement, in time order: what live scoring would see. */
  histories: { facts: EngagementFact[]; engagements: Engagement[] }[];
}

export function predictFunnel(model: ScoringModel, leads: number, seed: number): PredictFunnel {
  const random = SeededRandom.derived(seed, 'predict');
  const companies = marketCompanies();
  const histories: PredictFunnel['histories'] = [];
  const handedOff: HandedOffLead[] = [];
  for (let index = 0; index < leads; index++) {
    const lead = drawLead(random, 'predict', index, companies);
    const engagements = engagementsOf(random, lead, START + index * ARRIVAL_GAP_MS);
    const facts = engagements.map((e) => ({ type: e.type, at: Date.parse(e.occurredAt) }));
    histories.push({ facts, engagements });
    const handed = handOff(model, lead, engagements, facts);
    if (!handed) continue;
    const converted = convertedAfterHandOff(random, lead);
    if (converted !== undefined) handedOff.push({ ...handed, converted });
  }
  return { leads, engagements: histories.reduce((n, h) => n + h.facts.length, 0), handedOff, histories };
}

/** The journey's steps a few hours apart; the profile rides on every event from the first that identifies. */
function engagementsOf(random: SeededRandom, lead: SimulatedLead, startAt: number): Engagement[] {
  let at = startAt;
  let identified = false;
  return journeyOf(random, lead).map((step, i) => {
    at += Math.round(random.between(0.1, 30) * HOUR);
    identified ||= step.identifies;
    return {
      eventId: `${lead.key}-e${i}`,
      type: step.type,
      occurredAt: new Date(at).toISOString(),
      properties: propertiesOf(step),
      ...(identified ? { profile: profileOf(lead) } : {}),
    };
  });
}

function profileOf(lead: SimulatedLead): LeadProfile {
  const { domain, industry, employeeCount, country, name } = lead.company;
  return {
    seniority: lead.person.seniority,
    title: lead.person.title,
    company: name,
    companyDomain: domain,
    industry,
    employeeCount,
    country,
  };
}

/** When the rules first qualify the lead, and what the model may know then; undefined if they never do. */
function handOff(
  model: ScoringModel,
  lead: SimulatedLead,
  engagements: Engagement[],
  facts: EngagementFact[],
): Omit<HandedOffLead, 'converted'> | undefined {
  const history = {
    leadId: lead.key,
    events: engagements.map((engagement): HistoryEvent => ({ kind: 'engagement', engagement })),
  };
  const last = engagements.at(-1);
  if (!last) return undefined;
  const qualified = replayLead(history, model, last.occurredAt).events.find((event) => event.type === 'qualified');
  if (!qualified) return undefined;
  const handedAt = Date.parse(qualified.at);
  const { state, score } = replayLead(history, model, qualified.at);
  const byGroup = Object.fromEntries(
    Object.values(score.behaviour.byGroup).map((group) => [group.groupId, group.score]),
  );
  return {
    key: lead.key,
    handedAt,
    propensity: lead.propensity,
    ruleScore: score.behaviour.total + score.fit.fitScore,
    snapshot: {
      at: handedAt,
      engagement: engagementHistoryAsOf(facts, handedAt),
      profile: state.profile,
      source: 'website',
      scores: { behaviourByGroup: byGroup, fit: score.fit.fitScore },
    },
  };
}

/** Won is a conversion; rejected or lost is not. A lead nobody answers goes to the next rep (up to three). */
function convertedAfterHandOff(random: SeededRandom, lead: SimulatedLead): 0 | 1 | undefined {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const response = salesResponseOf(random, lead, attempt);
    if (response.kind === 'ignored') continue;
    return response.kind === 'accepted' && response.deal.outcome === 'won' ? 1 : 0;
  }
  return undefined;
}
