// One simulated buyer: who they are, which devices they browse from, and how likely they are to buy (hidden from
// the platform: only the run record keeps it, so scoring models can be judged against it).
import { type Company, drawPerson, type Person, pickCompany } from './firmographics';
import type { SeededRandom } from './seeded-random';

export interface SimulatedLead {
  /** The simulator's name for the lead (`<runId>-L<n>`): every record line of the lead carries it. */
  key: string;
  index: number;
  company: Company;
  person: Person;
  email: string;
  /** One anonymous id per device; two devices are tied only when the person identifies on both. */
  anonymousIds: string[];
  /** Probability that this person buys, 0–1: drives how much they engage and what sales make of them. */
  propensity: number;
}

/** Share of people who browse from a second device (work laptop and phone). */
export const TWO_DEVICE_SHARE = 0.2;

const TARGET_INDUSTRIES = new Set(['software', 'saas', 'information technology', 'financial services']);
const SENIORITY_PULL: Record<Person['seniority'], number> = {
  individual_contributor: -0.3,
  manager: 0.2,
  director: 0.5,
  vp: 0.7,
  c_level: 0.6,
  owner: 0.3,
};

/**
 * Fit pushes propensity up (target industry, 50–1000 people, senior buyers), the rest is personal: the noise term
 * is as large as the fit terms, so fit predicts buying without deciding it, as in real funnels.
 */
export function propensityOf(company: Company, person: Person, noise: number): number {
  const size = company.employeeCount;
  const sizePull = size < 10 ? -0.8 : size <= 1000 ? 0.6 : 0.4;
  const industryPull = TARGET_INDUSTRIES.has(company.industry) ? 0.8 : 0;
  const logit = -1.6 + sizePull + industryPull + SENIORITY_PULL[person.seniority] + noise;
  return 1 / (1 + Math.exp(-logit));
}

export function drawLead(
  random: SeededRandom,
  runId: string,
  index: number,
  companies: readonly Company[],
): SimulatedLead {
  const company = pickCompany(random, companies);
  const person = drawPerson(random);
  const key = `${runId}-L${index}`;
  const devices = random.chance(TWO_DEVICE_SHARE) ? 2 : 1;
  return {
    key,
    index,
    company,
    person,
    email: `${person.firstName}.${person.lastName}.${key}@${company.domain}`.toLowerCase(),
    anonymousIds: Array.from({ length: devices }, (_, device) => `anon-${key}-d${device + 1}`),
    propensity: propensityOf(company, person, random.normal()),
  };
}
