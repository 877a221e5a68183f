import type { LeadToRoute, RouteRequest } from '../decision.types';

/** A qualification's first decision: nobody tried it yet and it is no escalation. */
export function firstRouteRequest(lead: LeadToRoute, now: string): RouteRequest {
  return { lead, trigger: 'qualified', triedRepIds: [], attempt: 0, forceFallback: false, now };
}
