import type { Type } from '@nestjs/common';
import { QuotaTables1765300000000 } from './quota-tables.migration';

/** The quota service's TypeORM entities (its stores write SQL; entities only where a repository queries them). */
export const QUOTA_ENTITIES: Type[] = [];
/** The quota service's migrations, in order. */
export const QUOTA_MIGRATIONS: Type[] = [QuotaTables1765300000000];
