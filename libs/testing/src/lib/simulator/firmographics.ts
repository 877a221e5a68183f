// The market the simulated leads come from: companies with sizes, countries and industries drawn from skewed,
// B2B-like distributions, and the people in them with titles and seniorities.
import type { Seniority } from '@handoff/shared-vocabulary';
import { SeededRandom, type Weighted } from './seeded-random';

export interface Company {
  name: string;
  domain: string;
  industry: string;
  employeeCount: number;
  country: string;
}

export interface Person {
  firstName: string;
  lastName: string;
  title: string;
  seniority: Seniority;
}

/** Company sizes are log-normal: most companies are small, a long tail is huge (median 120, σ 1.5 in log space). */
export const COMPANY_SIZE = { median: 120, sigma: 1.5, min: 1, max: 500_000 } as const;

export const COUNTRIES: Weighted<string> = [
  ['US', 30],
  ['GB', 10],
  ['DE', 10],
  ['FR', 6],
  ['IN', 6],
  ['CA', 5],
  ['NL', 4],
  ['BR', 4],
  ['AU', 4],
  ['JP', 4],
  ['ES', 3],
  ['SE', 3],
  ['SG', 3],
  ['IT', 3],
  ['MX', 3],
  ['PT', 2],
];

/** The first four are the default scoring model's target industries. */
export const INDUSTRIES: Weighted<string> = [
  ['software', 22],
  ['saas', 10],
  ['information technology', 10],
  ['financial services', 10],
  ['manufacturing', 10],
  ['retail', 8],
  ['healthcare', 8],
  ['education', 6],
  ['media', 5],
  ['logistics', 5],
  ['public sector', 3],
  ['consulting', 3],
];

export const ROLES: Weighted<{ seniority: Seniority; titles: readonly string[] }> = [
  [{ seniority: 'individual_contributor', titles: ['Marketing Specialist', 'SDR', 'Data Analyst'] }, 35],
  [{ seniority: 'manager', titles: ['Marketing Manager', 'Sales Manager', 'RevOps Manager'] }, 30],
  [{ seniority: 'director', titles: ['Director of Marketing', 'Director of Sales'] }, 17],
  [{ seniority: 'vp', titles: ['VP Sales', 'VP Marketing', 'VP Revenue'] }, 10],
  [{ seniority: 'c_level', titles: ['CRO', 'CMO', 'CEO'] }, 6],
  [{ seniority: 'owner', titles: ['Founder'] }, 2],
];

const NAME_STARTS = ['North', 'Blue', 'Apex', 'Silver', 'Bright', 'Iron', 'Cedar', 'Quantum'] as const;
const NAME_MIDDLES = ['wind', 'stone', 'field', 'works', 'logic', 'bridge', 'gate', 'forge', 'scale', 'path'] as const;
const NAME_ENDS = ['Analytics', 'Systems', 'Group', 'Partners', 'Labs', 'Industries'] as const;
const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Luis'];
const LAST_NAMES = ['Almeida', 'Brown', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hassan', 'Ito', 'Jensen'];

/** The market is the same in every run (its own fixed seed): accounts seeded once match leads of any run. */
const MARKET_SEED = 20_261_206;
export const MARKET_SIZE = NAME_STARTS.length * NAME_MIDDLES.length * NAME_ENDS.length;

/** Every company of the market, each with a unique name and domain. */
export function marketCompanies(): Company[] {
  const random = new SeededRandom(MARKET_SEED);
  return Array.from({ length: MARKET_SIZE }, (_, index) => companyAt(index, random));
}

function companyAt(index: number, random: SeededRandom): Company {
  const start = NAME_STARTS[index % NAME_STARTS.length];
  const middle = NAME_MIDDLES[Math.floor(index / NAME_STARTS.length) % NAME_MIDDLES.length];
  const end = NAME_ENDS[Math.floor(index / (NAME_STARTS.length * NAME_MIDDLES.length))];
  return {
    name: `${start}${middle} ${end}`,
    domain: `${start}${middle}-${end}.example`.toLowerCase(),
    industry: random.weighted(INDUSTRIES),
    employeeCount: companySize(random),
    country: random.weighted(COUNTRIES),
  };
}

export function companySize(random: SeededRandom): number {
  const size = Math.round(random.logNormal(COMPANY_SIZE.median, COMPANY_SIZE.sigma));
  return Math.min(COMPANY_SIZE.max, Math.max(COMPANY_SIZE.min, size));
}

/**
 * A company for the next lead: larger companies have more people who might look, so the draw leans towards them
 * (weight grows with the square root of the size).
 */
export function pickCompany(random: SeededRandom, companies: readonly Company[]): Company {
  return random.weighted(companies.map((company) => [company, Math.sqrt(company.employeeCount)] as const));
}

export function drawPerson(random: SeededRandom): Person {
  const role = random.weighted(ROLES);
  return {
    firstName: random.pick(FIRST_NAMES),
    lastName: random.pick(LAST_NAMES),
    title: random.pick(role.titles),
    seniority: role.seniority,
  };
}
