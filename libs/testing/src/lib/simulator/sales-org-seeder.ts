// Writes the simulated sales organisation as sales operations would: the directory through routing's API,
// quotas, team history and exchange rates through quota's. Re-running it replaces the same records.
import { httpCall } from '../http-call';
import type { SalesOrg, SimulatedRep } from './simulated-sales-org';

/** An operator's client of one service: what StackService offers, or `adminClient` for a running service. */
export interface AdminApi {
  admin<T = unknown>(path: string, body: unknown, method?: 'POST' | 'PUT'): Promise<{ status: number; body: T }>;
}

export function adminClient(baseUrl: string, adminToken: string): AdminApi {
  return {
    admin: async <T>(path: string, body: unknown, method: 'POST' | 'PUT' = 'POST') =>
      (await httpCall(baseUrl, method, path, { body, headers: { authorization: `Bearer ${adminToken}` } })) as {
        status: number;
        body: T;
      },
  };
}

/** A fiscal quarter on quota's default calendar (fiscal years from January, UTC), e.g. FY2026-Q4. */
export interface Quarter {
  id: string;
  start: string;
  /** Exclusive. */
  end: string;
}

export function quarterOf(instant: Date): Quarter {
  const year = instant.getUTCFullYear();
  const quarter = Math.floor(instant.getUTCMonth() / 3) + 1;
  const start = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3, 1));
  return { id: `FY${year}-Q${quarter}`, start: start.toISOString(), end: end.toISOString() };
}

/** Quarterly targets, in the rep's own currency. */
const TARGETS = {
  inbound: { revenue: 150_000, dealsWon: 6, leadsAccepted: 40 },
  enterprise: { revenue: 500_000, dealsWon: 3, leadsAccepted: 10 },
};

/** Rates between the simulated deal currencies, for the quarter; quota converts deals into each quota's currency. */
const RATES = [
  { from: 'EUR', to: 'USD', rate: 1.08 },
  { from: 'GBP', to: 'USD', rate: 1.27 },
  { from: 'GBP', to: 'EUR', rate: 1.17 },
];

export interface SeedOptions {
  now?: Date;
  /** How long the out-of-office rep is away from now (default a week). */
  outOfOfficeDays?: number;
}

/** Teams before the reps and pools that name them, reps before the accounts they own; then the holiday. */
export async function seedDirectory(routing: AdminApi, org: SalesOrg, options: SeedOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  for (const team of org.teams) await put(routing, `/teams/${team.id}`, team);
  for (const rep of org.reps) {
    const { currency: _currency, ...profile } = rep;
    await put(routing, `/reps/${rep.id}`, profile);
  }
  for (const pool of org.pools) await put(routing, `/pools/${String(pool['id'])}`, pool);
  for (const account of org.accounts) await put(routing, `/accounts/${account.id}`, account);
  const away = { from: now.toISOString(), to: daysAfter(now, options.outOfOfficeDays ?? 7).toISOString() };
  await expect2xx(routing.admin(`/reps/${org.outOfOfficeRepId}/out-of-office`, away), 'out of office');
}

/** This quarter's quota and team history for every rep, and the quarter's exchange rates (the table is replaced). */
export async function seedQuotas(quota: AdminApi, org: SalesOrg, options: SeedOptions = {}): Promise<Quarter> {
  const quarter = quarterOf(options.now ?? new Date());
  for (const rep of org.reps) {
    await put(quota, `/quotas/${rep.id}-${quarter.id}`, quotaOf(rep, quarter));
    await put(quota, `/reps/${rep.id}/teams`, { memberships: [{ teamId: rep.teamIds[0], from: quarter.start }] });
  }
  const validFrom = quarter.start.slice(0, 10);
  const validTo = daysAfter(new Date(quarter.end), -1).toISOString().slice(0, 10);
  await put(quota, '/exchange-rates', { rates: RATES.map((rate) => ({ ...rate, validFrom, validTo })) });
  return quarter;
}

function quotaOf(rep: SimulatedRep, quarter: Quarter) {
  const targets = rep.teamIds.includes('sim-enterprise') ? TARGETS.enterprise : TARGETS.inbound;
  return {
    owner: { kind: 'rep', id: rep.id },
    period: quarter.id,
    targets: {
      revenue: { amount: targets.revenue, currency: rep.currency },
      dealsWon: targets.dealsWon,
      leadsAccepted: targets.leadsAccepted,
    },
  };
}

async function put(api: AdminApi, path: string, body: unknown): Promise<void> {
  await expect2xx(api.admin(path, body, 'PUT'), `PUT ${path}`);
}

async function expect2xx(answer: Promise<{ status: number; body: unknown }>, what: string): Promise<void> {
  const { status, body } = await answer;
  if (status < 200 || status > 299)
    throw new Error(`seeding the sales org: ${what} answered ${status}: ${JSON.stringify(body)}`);
}

const daysAfter = (instant: Date, days: number): Date => new Date(instant.getTime() + days * 86_400_000);
