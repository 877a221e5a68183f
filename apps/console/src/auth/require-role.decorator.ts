import { SetMetadata } from '@nestjs/common';
import type { ConsoleRole } from '@handoff/console-api';

export const REQUIRED_ROLE = 'console:required-role';

/**
 * The role a route needs. Every `/api` route needs a signed-in user (viewer at least); admin actions say
 * `@RequireRole('admin')`. The session guard reads it.
 */
export const RequireRole = (role: ConsoleRole) => SetMetadata(REQUIRED_ROLE, role);
