// The sales organisation simulated leads are routed in: regional inbound teams that follow the sun, an enterprise
// team, the pools the shipped routing rules name (`inbound`, `enterprise`), and accounts for some market companies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
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

interface RepRow {
  name: string;
  team: string;
  timeZone: string;
  weight: string;
  currency: Currency;
  weekends: 'yes' | 'no';
}

/** The reps, as sales operations keep them in a spreadsheet. */
const REP_ROWS: RepRow[] = parse(readFileSync(join(__dirname, 'simulated-reps.csv'), 'utf8'), { columns: true });

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
  const reps = REP_ROWS.map((row) => ({
    id: `sim-${row.name.toLowerCase().replace(/\s+/g, '-')}`,
    name: row.name,
    teamIds: [row.team],
    weight: Number(row.weight),
    timeZone: row.timeZone,
    workingHours: row.weekends === 'yes' ? WITH_WEEKENDS : WEEKDAYS,
    currency: row.currency,
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
