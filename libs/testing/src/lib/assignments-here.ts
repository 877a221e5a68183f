import type { LeadRoutedV1 } from '@handoff/contracts';
import type { StackService } from './service-stack';

/**
 * Which lead.routed.v1 events are this stack's assignments of the lead: routing instances of runs alongside on
 * the shared broker may route the same qualification, but only this stack's routing names this stack's ingest in
 * `contactUrl` (the stack sets ROUTING_CONTACT_URL_TEMPLATE so).
 */
export function assignmentsHere(ingest: StackService, leadId: string): (event: LeadRoutedV1) => boolean {
  return (event) => event.leadId === leadId && event.contactUrl.startsWith(`${ingest.process.baseUrl}/`);
}
