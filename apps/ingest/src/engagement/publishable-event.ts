import { randomUUID } from 'node:crypto';
import { encodeEvent, Topics } from '@handoff/contracts';
import type { EmailNormalisationOptions } from '@handoff/domain-identity';
import type { IncomingEngagement } from './incoming-engagement';
import { toRecordedEvent } from './recorded-event.factory';

/**
 * Builds the event an engagement will be published as (its lead is not resolved yet: a provisional id
 * stands in) and validates it against engagement.recorded.v1, so an engagement whose output would break
 * the contract (an id that outgrows its limit once emails are masked…) is rejected with the field before
 * any identity is resolved or any de-duplication key reserved. Throws ContractViolationError.
 */
export function assertPublishable(
  engagement: IncomingEngagement,
  sourceId: string,
  emailOptions: EmailNormalisationOptions,
): void {
  const provisional = {
    sourceId,
    leadId: randomUUID(),
    correlationId: engagement.correlationId ?? randomUUID(),
    receivedAt: new Date().toISOString(),
  };
  encodeEvent(Topics.engagementRecorded, toRecordedEvent(engagement, provisional, emailOptions));
}
