import type { LeadQualifiedV2, RoutedLeadProfileV1 } from '@handoff/contracts';
import type { LeadToRoute } from '@handoff/domain-routing';
import type { QualificationRecord } from './assignment.types';

/** A lead.qualified.v2 event as routing keeps it: the decision input and the summary every routed event repeats. */
export function qualificationOf(event: LeadQualifiedV2, receivedAt: string): QualificationRecord {
  return {
    qualificationId: event.eventId,
    leadId: event.leadId,
    qualifiedAt: event.qualifiedAt,
    receivedAt,
    status: 'queued',
    lead: {
      route: leadToRouteOf(event),
      profile: routedProfileOf(event),
      topFactors: event.topFactors,
      correlationId: event.correlationId,
    },
  };
}

function leadToRouteOf(event: LeadQualifiedV2): LeadToRoute {
  const { profile } = event;
  return withoutUndefined({
    leadId: event.leadId,
    qualificationId: event.eventId,
    grade: event.grade,
    behaviourScore: event.behaviourScore,
    fitScore: event.fitScore,
    country: profile.country,
    region: profile.region,
    postalCode: profile.postalCode,
    employeeCount: profile.employeeCount,
    industry: profile.industry,
    productInterest: profile.productInterest,
    source: profile.leadSource,
    company: profile.company,
    companyDomain: profile.companyDomain,
    emailDomain: profile.emailDomain,
  });
}

function routedProfileOf(event: LeadQualifiedV2): RoutedLeadProfileV1 {
  const { company, companyDomain, title, seniority, country, employeeCount, industry } = event.profile;
  return withoutUndefined({ company, companyDomain, title, seniority, country, employeeCount, industry });
}

/** Stored as JSON and compared in tests: absent fields stay absent rather than `undefined`. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
