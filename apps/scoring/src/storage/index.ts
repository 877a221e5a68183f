import type { Type } from '@nestjs/common';
import { LeadConsoleReads1765100000000 } from './lead-console-reads.migration';
import { LeadEventsRetention1764600000000 } from './lead-events-retention.migration';
import { PredictionTables1765000000000 } from './prediction-tables.migration';
import { ScoringTables1764500000000 } from './scoring-tables.migration';

/** The scoring service's TypeORM entities: none, its stores write SQL (README "Persistence"). */
export const SCORING_ENTITIES: Type[] = [];
export const SCORING_MIGRATIONS = [
  ScoringTables1764500000000,
  LeadEventsRetention1764600000000,
  PredictionTables1765000000000,
  LeadConsoleReads1765100000000,
];
