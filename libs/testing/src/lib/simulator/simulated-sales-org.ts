// The sales organisation simulated leads are routed in: regional inbound teams that follow the sun, an enterprise
// team, the pools the shipped routing rules name (`inbound`, `enterprise`), and accounts for some market companies.
import { type Company, marketCompanies } from './firmographics';
import type { Currency } from './sales-response';

type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
type WorkingHours = Partial<Record<Day, { start: string; end: string }[]>>;

export interface SimulatedRep {
  id: string;
  name: string;
  teamIds: string[];
  weight: number;
  timeZone: string;
  workingHours: WorkingHours;
  /** The currency of the rep's quota. */
  currency: Currency;
}

export interface SalesOrg {
  teams: { id: string; name: string }[];
  reps: SimulatedRep[];
  pools: Record<string, unknown>[];
  accounts: { id: string; name: string; domains: string[]; ownerRepId: string; segment: string }[];
  /** The rep who is on holiday for the run. */
  outOfOfficeRepId: string;
}

const OFFICE_DAY = [{ start: '08:00', end: '18:00' }];
const WEEKDAYS: WorkingHours = { mon: OFFICE_DAY, tue: OFFICE_DAY, wed: OFFICE_DAY, thu: OFFICE_DAY, fri: OFFICE_DAY };
/**
 * One rep per inbound region also covers weekends 08:00–20:00: Sydney, Lisbon and New York together cover every
 * UTC hour, so on any day someone in the inbound pool is in hours.
 */
const WITH_WEEKENDS: WorkingHours = {
  ...WEEKDAYS,
  sat: [{ start: '08:00', end: '20:00' }],
  sun: [{ start: '08:00', end: '20:00' }],
};

type RepRow = [name: string, team: string, timeZone: string, weight: number, currency: Currency, weekends?: boolean];

const REP_ROWS: RepRow[] = [
  ['Ana Ribeiro', 'sim-emea', 'Europe/Lisbon', 2, 'EUR', true],
  ['Tom Hughes', 'sim-emea', 'Europe/London', 1, 'GBP'],
  ['Priya Shah', 'sim-emea', 'Europe/London', 2, 'GBP'],
  ['Lukas Weber', 'sim-emea', 'Europe/Berlin', 1, 'EUR'],
  ['Marta Ruiz', 'sim-emea', 'Europe/Madrid', 1, 'EUR'],
  ['Sanne de Vries', 'sim-emea', 'Europe/Amsterdam', 1, 'EUR'],
  ['Erik Lund', 'sim-emea', 'Europe/Stockholm', 1, 'EUR'],
  ['Jordan Miller', 'sim-americas', 'America/New_York', 2, 'USD', true],
  ['Casey Brooks', 'sim-americas', 'America/New_York', 1, 'USD'],
  ['Maria Santos', 'sim-americas', 'America/Sao_Paulo', 1, 'USD'],
  ['Noah Clark', 'sim-americas', 'America/Chicago', 1, 'USD'],
  ['Ava Nguyen', 'sim-americas', 'America/Los_Angeles', 2, 'USD'],
  ['Liam Tremblay', 'sim-americas', 'America/Toronto', 1, 'USD'],
  ['Mei Lin', 'sim-apac', 'Asia/Singapore', 2, 'USD'],
  ['Haruto Sato', 'sim-apac', 'Asia/Tokyo', 1, 'USD'],
  ['Chloe Wilson', 'sim-apac', 'Australia/Sydney', 1, 'USD', true],
  ['Arjun Rao', 'sim-apac', 'Asia/Kolkata', 1, 'USD'],
  ['Isla Brown', 'sim-apac', 'Australia/Sydney', 1, 'USD'],
  ['Greta Hoffmann', 'sim-enterprise', 'Europe/Berlin', 1, 'EUR'],
  ['Oliver Grant', 'sim-enterprise', 'Europe/London', 1, 'GBP'],
  ['Rachel Stone', 'sim-enterprise', 'America/New_York', 1, 'USD'],
  ['Diego Alvarez', 'sim-enterprise', 'America/Chicago', 1, 'USD'],
  ['Yuki Tanaka', 'sim-enterprise', 'Asia/Tokyo', 1, 'USD'],
];

const TEAMS = [
  { id: 'sim-emea', name: 'Simulated EMEA inbound' },
  { id: 'sim-americas', name: 'Simulated Americas inbound' },
  { id: 'sim-apac', name: 'Simulated APAC inbound' },
  { id: 'sim-enterprise', name: 'Simulated enterprise' },
];

const REGION_OF_COUNTRY: Record<string, string> = {
  US: 'sim-americas',
  CA: 'sim-americas',
  BR: 'sim-americas',
  MX: 'sim-americas',
  IN: 'sim-apac',
  AU: 'sim-apac',
  JP: 'sim-apac',
  SG: 'sim-apac',
};

/** How many market companies are accounts someone owns (the largest ones, as sales would pick them). */
export const ACCOUNT_COUNT = 30;

export function simulatedSalesOrg(companies: readonly Company[] = marketCompanies()): SalesOrg {
  const reps = REP_ROWS.map(([name, team, timeZone, weight, currency, weekends]) => ({
    id: `sim-${name.toLowerCase().replace(/\s+/g, '-')}`,
    name,
    teamIds: [team],
    weight,
    timeZone,
    workingHours: weekends ? WITH_WEEKENDS : WEEKDAYS,
    currency,
  }));
  return {
    teams: TEAMS,
    reps,
    pools: [
      {
        id: 'inbound',
        name: 'Inbound, follow the sun',
        teamIds: ['sim-emea', 'sim-americas', 'sim-apac'],
        requireWorkingHours: true,
        slaMinutes: 30,
        slaInBusinessHours: true,
      },
      // Large deals do not wait for office hours; the SLA counts working time.
      { id: 'enterprise', name: 'Enterprise', teamIds: ['sim-enterprise'], slaMinutes: 240, slaInBusinessHours: true },
    ],
    accounts: accountsOf(companies, reps),
    outOfOfficeRepId: 'sim-casey-brooks',
  };
}

/** The largest companies, each owned by a rep of its region (enterprise reps for 1,000 people and more). */
function accountsOf(companies: readonly Company[], reps: readonly SimulatedRep[]): SalesOrg['accounts'] {
  const largest = [...companies].sort((a, b) => b.employeeCount - a.employeeCount).slice(0, ACCOUNT_COUNT);
  return largest.map((company, index) => {
    const team = company.employeeCount >= 1000 ? 'sim-enterprise' : (REGION_OF_COUNTRY[company.country] ?? 'sim-emea');
    const members = reps.filter((rep) => rep.teamIds.includes(team));
    const owner = members[index % members.length];
    return {
      id: `sim-${company.domain.replace(/\.example$/, '')}`,
      name: company.name,
      domains: [company.domain],
      ownerRepId: owner.id,
      segment: company.employeeCount >= 1000 ? 'enterprise' : 'mid-market',
    };
  });
}
