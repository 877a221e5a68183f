import type { Type } from '@nestjs/common';
import { AssignmentPoolIndex1765200000000 } from './assignment-pool-index.migration';
import { AssignmentTables1765100000000 } from './assignment-tables.migration';
import { DirectoryTables1765000000000 } from './directory-tables.migration';
import { RuleSetTables1765050000000 } from './rule-set-tables.migration';

/** The routing service's TypeORM entities (its stores write SQL; entities only where a repository queries them). */
export const ROUTING_ENTITIES: Type[] = [];
/** The routing service's migrations, in order; each module's tables come with its own. */
export const ROUTING_MIGRATIONS: Type[] = [
  DirectoryTables1765000000000,
  RuleSetTables1765050000000,
  AssignmentTables1765100000000,
  AssignmentPoolIndex1765200000000,
];
