import type { LeadToRoute } from '../decision.types';
import type { Territory } from '../directory.types';

const folded = (value: string): string => value.trim().toLowerCase();
/** `SW1A 1AA`, `sw1a-1aa` and `SW1A1AA` are one postcode. */
const compactPostcode = (value: string): string => value.replace(/[\s-]/g, '').toUpperCase();

/**
 * The ids of every territory the lead lies in, in directory order. A territory's countries narrow it when it also
 * lists regions or postal prefixes (`US` + `CA, OR, WA` is the US West coast, not all of the US); without them the
 * countries alone decide. A territory that lists nothing contains nobody.
 */
export function territoriesOf(lead: LeadToRoute, territories: readonly Territory[]): string[] {
  return territories.filter((territory) => contains(territory, lead)).map((territory) => territory.id);
}

function contains(territory: Territory, lead: LeadToRoute): boolean {
  const narrowed = territory.regions.length > 0 || territory.postalPrefixes.length > 0;
  if (territory.countries.length === 0 && !narrowed) return false;
  if (territory.countries.length > 0 && !inCountries(territory.countries, lead.country)) return false;
  return !narrowed || inRegions(territory.regions, lead.region) || inPostalArea(territory.postalPrefixes, lead);
}

function inCountries(countries: readonly string[], country: string | undefined): boolean {
  const code = country?.trim().toUpperCase();
  return code !== undefined && countries.some((candidate) => candidate.toUpperCase() === code);
}

function inRegions(regions: readonly string[], region: string | undefined): boolean {
  return region !== undefined && regions.some((candidate) => folded(candidate) === folded(region));
}

function inPostalArea(prefixes: readonly string[], lead: LeadToRoute): boolean {
  const postcode = lead.postalCode === undefined ? '' : compactPostcode(lead.postalCode);
  return postcode !== '' && prefixes.some((prefix) => postcode.startsWith(compactPostcode(prefix)));
}
