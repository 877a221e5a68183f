import { InboundProfileV1, validatePayload } from '@handoff/contracts';
import { SENIORITIES } from '@handoff/shared-vocabulary';
import { flattenProperties } from './segment-properties';

type Traits = Record<string, unknown>;

/**
 * Traits read into profile fields, or personal data that has no place in free-form traits. A phone stays in
 * traits for the contact vault to keep; it is never published.
 */
const PROFILE_TRAITS = new Set([
  'email',
  'name',
  'firstName',
  'first_name',
  'lastName',
  'last_name',
  'title',
  'jobTitle',
  'job_title',
  'seniority',
  'company',
  'website',
  'domain',
  'industry',
  'employees',
  'employeeCount',
  'employee_count',
  'country',
  'address',
  'birthday',
  'avatar',
]);

const otherTraits = (traits: Traits): Traits =>
  Object.fromEntries(Object.entries(traits).filter(([name]) => !PROFILE_TRAITS.has(name)));

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;

const firstText = (traits: Traits, ...names: string[]): string | undefined =>
  names.map((name) => text(traits[name])).find((value) => value !== undefined);

function count(value: unknown): number | undefined {
  const parsed =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/[, ]/g, '')) : NaN;
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
}

function hostOf(website: string | undefined): string | undefined {
  if (!website) return undefined;
  try {
    return new URL(website.includes('://') ? website : `https://${website}`).hostname
      .replace(/^www\./, '')
      .toLowerCase();
  } catch {
    return undefined;
  }
}

/** Segment's `company` trait is a name or an object of company traits. */
const companyTraits = (traits: Traits): Traits =>
  typeof traits['company'] === 'object' && traits['company'] !== null ? (traits['company'] as Traits) : {};

const seniorityOf = (value: string | undefined) =>
  SENIORITIES.find((seniority) => seniority === value?.toLowerCase().replace(/[\s-]+/g, '_'));

const countryOf = (value: string | undefined) => (value && /^[a-z]{2}$/i.test(value) ? value.toUpperCase() : undefined);

const address = (traits: Traits): Traits =>
  typeof traits['address'] === 'object' && traits['address'] !== null ? (traits['address'] as Traits) : {};

/**
 * Segment's reserved identify traits (and their common snake_case spellings) as a Handoff profile; every
 * other trait is kept in `traits`. Values that do not fit a profile field (a seniority outside the list,
 * a country name instead of a code) stay in `traits` rather than failing the event.
 */
export function profileFromTraits(traits: Traits | undefined): InboundProfileV1 | undefined {
  if (!traits || Object.keys(traits).length === 0) return undefined;
  const company = companyTraits(traits);
  const [first, ...rest] = (text(traits['name']) ?? '').split(/\s+/);
  const profile = {
    email: firstText(traits, 'email'),
    firstName: firstText(traits, 'firstName', 'first_name') ?? (first || undefined),
    lastName: firstText(traits, 'lastName', 'last_name') ?? (rest.join(' ') || undefined),
    title: firstText(traits, 'title', 'jobTitle', 'job_title'),
    seniority: seniorityOf(firstText(traits, 'seniority')),
    company: text(traits['company']) ?? text(company['name']),
    companyDomain: hostOf(
      firstText(traits, 'website', 'domain') ?? text(company['website']) ?? text(company['domain']),
    ),
    industry: firstText(traits, 'industry') ?? text(company['industry']),
    employeeCount: count(
      traits['employees'] ??
        traits['employeeCount'] ??
        traits['employee_count'] ??
        company['employees'] ??
        company['employee_count'],
    ),
    country: countryOf(firstText(traits, 'country') ?? text(address(traits)['country'])),
    traits: flattenProperties(otherTraits(traits)),
  };
  const defined = Object.fromEntries(Object.entries(profile).filter(([, value]) => value !== undefined));
  return validatePayload(InboundProfileV1, defined, 'traits');
}
