import type { Type } from '@nestjs/common';
import { AuditEntry } from './audit-entry.entity';
import { AuditLog1765900000000 } from './audit-log.migration';

/** The console's tables (its own schema): the audit log. Sessions live in Redis. */
export const CONSOLE_ENTITIES: Type[] = [AuditEntry];
export const CONSOLE_MIGRATIONS: Type[] = [AuditLog1765900000000];
