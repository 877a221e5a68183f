import type { Type } from '@nestjs/common';

/** The console's tables (its own schema): sessions and the audit log. */
export const CONSOLE_ENTITIES: Type[] = [];
export const CONSOLE_MIGRATIONS: Type[] = [];
