import type { IdentityInput, ResolutionTrigger } from '@handoff/domain-identity';
import { DomainError } from '@handoff/shared-errors';

export interface ResolutionContext {
  /** The kind of call: decides the reason of any merge it causes. */
  reason: ResolutionTrigger;
  /** Carried onto the lead.merged.v1 events the call causes. */
  correlationId: string;
  /** Event time of the call (ISO 8601): the occurredAt of those events. */
  occurredAt: string;
}

export type AliasContext = Omit<ResolutionContext, 'reason'>;

export interface AliasInput {
  previousId: string;
  userId: string;
}

/** One item of `resolveMany`: an event's identifiers, or a Segment alias. */
export type ResolutionRequest =
  | { input: IdentityInput; context: ResolutionContext }
  | { alias: AliasInput; context: AliasContext };

export interface Resolution {
  /** The lead the identifiers belong to (the survivor, when the call merged leads). */
  leadId: string;
  /** Leads this call merged into `leadId` (empty when none); one lead.merged.v1 was written for each. */
  mergedLeadIds: string[];
}

/** The input names nobody: no anonymous id, no user id, no valid email. Callers reject it as bad input. */
export class UnresolvableIdentityError extends DomainError {
  constructor(detail: string) {
    super('invalid', `cannot resolve an identity: ${detail}`);
    this.name = 'UnresolvableIdentityError';
  }
}
