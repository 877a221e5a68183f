// What a rep does with a lead routing hands them, decided from the lead's hidden propensity: accept or reject it,
// or let it sit past its SLA; then, for an accepted lead, meetings and a deal won or lost in the buyer's currency.
import type { SeededRandom } from './seeded-random';
import type { SimulatedLead } from './simulated-lead';

export type Currency = 'EUR' | 'USD' | 'GBP';

export interface DealResult {
  outcome: 'won' | 'lost';
  dealId: string;
  /** The amount first reported; a correction may follow. */
  amount: number;
  currency: Currency;
  /** A later correction of a won deal's amount (sales.crm_outcome.v1 amount_corrected). */
  correctedAmount?: number;
  reason?: string;
}

export type SalesResponse =
  | { kind: 'ignored' }
  | { kind: 'rejected'; reason: string; afterMs: number }
  | { kind: 'accepted'; afterMs: number; meetings: number; deal: DealResult; dealAfterMs: number };

const EURO_COUNTRIES = new Set(['DE', 'FR', 'NL', 'ES', 'IT', 'PT']);
const REJECTIONS = ['not a fit: no budget this year', 'not a fit: wrong segment', 'duplicate of an open deal'];
const LOSSES = ['lost to a competitor', 'no decision', 'budget cut'];

/** Share of assignments nobody answers: the SLA runs out and routing hands the lead on. */
export const IGNORED_SHARE = 0.1;

/** The buyer pays in their own currency: euro countries in EUR, the UK in GBP, everyone else in USD. */
export function currencyOf(country: string): Currency {
  if (country === 'GB') return 'GBP';
  return EURO_COUNTRIES.has(country) ? 'EUR' : 'USD';
}

/**
 * The rep's answer to one assignment (each attempt of a lead draws its own). Reps see fit and intent, which
 * follow propensity, so acceptance and winning both rise with it; deal sizes grow with the company.
 * `delayScale` shrinks or stretches the delays (1: seconds, as a short simulated run needs).
 */
export function salesResponseOf(
  random: SeededRandom,
  lead: SimulatedLead,
  attempt: number,
  delayScale = 1,
): SalesResponse {
  if (random.chance(IGNORED_SHARE)) return { kind: 'ignored' };
  const afterMs = Math.round(random.between(500, 5000) * delayScale);
  if (!random.chance(0.3 + 0.6 * lead.propensity)) {
    return { kind: 'rejected', reason: random.pick(REJECTIONS), afterMs };
  }
  return {
    kind: 'accepted',
    afterMs,
    meetings: random.poisson(0.5 + 1.5 * lead.propensity),
    deal: dealOf(random, lead, `deal-${lead.key}-a${attempt}`),
    dealAfterMs: afterMs + Math.round(random.between(1000, 8000) * delayScale),
  };
}

function dealOf(random: SeededRandom, lead: SimulatedLead, dealId: string): DealResult {
  const currency = currencyOf(lead.company.country);
  const amount = roundTo100(random.logNormal(6000 * lead.company.employeeCount ** 0.3, 0.5));
  if (!random.chance(0.15 + 0.7 * lead.propensity)) {
    return { outcome: 'lost', dealId, amount, currency, reason: random.pick(LOSSES) };
  }
  const corrected = random.chance(0.15) ? roundTo100(amount * random.between(0.8, 1.2)) : undefined;
  return { outcome: 'won', dealId, amount, currency, ...(corrected ? { correctedAmount: corrected } : {}) };
}

const roundTo100 = (amount: number): number => Math.max(100, Math.round(amount / 100) * 100);
