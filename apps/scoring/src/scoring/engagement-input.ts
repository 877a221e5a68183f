import type { EngagementRecordedV1, RecordedProfileV1 } from '@handoff/contracts';
import type { Engagement, LeadProfile } from '@handoff/domain-scoring';

/**
 * The engagement as scoring keeps it (in state and in the replayable history): the profile narrowed to
 * the attributes fit rules use, so first and last names never reach the scoring schema.
 */
export function engagementOf(event: EngagementRecordedV1): Engagement {
  return {
    eventId: event.eventId,
    type: event.type,
    ...(event.customType === undefined ? {} : { customType: event.customType }),
    occurredAt: event.occurredAt,
    properties: { ...event.properties },
    ...(event.profile === undefined ? {} : { profile: profileOf(event.profile) }),
  };
}

function profileOf(profile: RecordedProfileV1): LeadProfile {
  const kept: LeadProfile = {
    title: profile.title,
    seniority: profile.seniority,
    company: profile.company,
    companyDomain: profile.companyDomain,
    emailDomain: profile.emailDomain,
    industry: profile.industry,
    employeeCount: profile.employeeCount,
    country: profile.country,
    traits: profile.traits === undefined ? undefined : { ...profile.traits },
  };
  return Object.fromEntries(Object.entries(kept).filter(([, value]) => value !== undefined)) as LeadProfile;
}
