/**
 * What scoring keeps about a lead: only the attributes fit rules and filters use. Names and emails are not
 * stored; ingest sends the email's domain instead. Structurally compatible with the recorded profile contract.
 */
export interface LeadProfile {
  title?: string;
  seniority?: string;
  company?: string;
  companyDomain?: string;
  emailDomain?: string;
  industry?: string;
  employeeCount?: number;
  country?: string;
  traits?: Record<string, unknown>;
}

const PROFILE_FIELDS = [
  'title',
  'seniority',
  'company',
  'companyDomain',
  'emailDomain',
  'industry',
  'employeeCount',
  'country',
] as const;

const isPresent = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * Field by field, `primary` wins and `secondary` fills the gaps (trait by trait too). Keys come out in a
 * fixed order so equal profiles serialise to equal JSON.
 */
export function combineProfiles(primary: LeadProfile, secondary: LeadProfile): LeadProfile {
  const combined: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) {
    const value = isPresent(primary[field]) ? primary[field] : secondary[field];
    if (isPresent(value)) combined[field] = value;
  }
  const traits = combineTraits(primary.traits, secondary.traits);
  if (traits) combined['traits'] = traits;
  return combined as LeadProfile;
}

function combineTraits(
  primary: Record<string, unknown> | undefined,
  secondary: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const keys = [...new Set([...Object.keys(primary ?? {}), ...Object.keys(secondary ?? {})])].sort();
  const traits: Record<string, unknown> = {};
  for (const key of keys) {
    const value = isPresent(primary?.[key]) ? primary?.[key] : secondary?.[key];
    if (isPresent(value)) traits[key] = value;
  }
  return keys.length ? traits : undefined;
}

export function sameProfile(a: LeadProfile, b: LeadProfile): boolean {
  return JSON.stringify(combineProfiles(a, {})) === JSON.stringify(combineProfiles(b, {}));
}
