import { ScoringModelRecord } from '../models/scoring-model.entity';
import { LeadEventsRetention1764600000000 } from './lead-events-retention.migration';
import { ScoringTables1764500000000 } from './scoring-tables.migration';

export const SCORING_ENTITIES = [ScoringModelRecord];
export const SCORING_MIGRATIONS = [ScoringTables1764500000000, LeadEventsRetention1764600000000];
