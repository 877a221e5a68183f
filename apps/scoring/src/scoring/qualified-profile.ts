import type { QualifiedProfileV2, RoutingProfileV1 } from '@handoff/contracts';
import type { LeadProfile } from '@handoff/domain-scoring';
import { SENIORITIES, type Seniority } from '@handoff/shared-vocabulary';
import { isFQDN, isISO31661Alpha2 } from 'class-validator';

/**
 * What routing matches on. Ingest's recorded profile is looser than the routing contracts (any two capital
 * letters as a country, free-text traits), so a value the contract would reject is left out rather than
 * failing the qualification.
 */
export function routingProfileOf(profile: LeadProfile): RoutingProfileV1 {
  const routing: RoutingProfileV1 = {};
  if (profile.country !== undefined && isISO31661Alpha2(profile.country)) routing.country = profile.country;
  const industry = textOf(profile.industry, 128);
  if (industry !== undefined) routing.industry = industry;
  if (Number.isInteger(profile.employeeCount) && (profile.employeeCount ?? -1) >= 0) {
    routing.employeeCount = profile.employeeCount;
  }
  if (profile.companyDomain !== undefined && isFQDN(profile.companyDomain)) {
    routing.companyDomain = profile.companyDomain;
  }
  return routing;
}

/**
 * lead.qualified.v2's profile: v1's plus the summary a rep reads and the identify traits marketing tools set
 * for routing (`region`, `postalCode`, `productInterest`, `leadSource`; see README "Routing").
 */
export function qualifiedProfileOf(profile: LeadProfile): QualifiedProfileV2 {
  const traits = profile.traits ?? {};
  const candidates: QualifiedProfileV2 = {
    ...routingProfileOf(profile),
    region: textOf(traits['region'], 64),
    postalCode: textOf(traits['postalCode'], 16),
    company: textOf(profile.company, 256),
    emailDomain: profile.emailDomain !== undefined && isFQDN(profile.emailDomain) ? profile.emailDomain : undefined,
    title: textOf(profile.title, 256),
    seniority: seniorityOf(profile.seniority),
    productInterest: textOf(traits['productInterest'], 128),
    leadSource: textOf(traits['leadSource'], 128),
  };
  return Object.fromEntries(
    Object.entries(candidates).filter(([, value]) => value !== undefined),
  ) as QualifiedProfileV2;
}

function textOf(value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' || text.length > maxLength ? undefined : text;
}

const seniorityOf = (value: string | undefined): Seniority | undefined =>
  SENIORITIES.find((seniority) => seniority === value);
