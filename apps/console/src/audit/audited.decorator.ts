import { SetMetadata } from '@nestjs/common';

export const AUDITED_ACTION = 'console:audited-action';

export interface AuditedAction {
  /** What is done, e.g. `rep.out-of-office.set`. */
  action: string;
  /** The route parameter that names what it is done to (e.g. `id`); the whole path when absent. */
  targetParam?: string;
}

/**
 * Writes the action to the audit log (who, what, to what, when, and whether it succeeded) once the handler
 * settles: every admin action carries it, and so does reading a lead's contact details.
 */
export const Audited = (action: string, targetParam?: string) =>
  SetMetadata(AUDITED_ACTION, { action, targetParam } satisfies AuditedAction);
