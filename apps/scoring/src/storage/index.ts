import { ScoringModelRecord } from '../models/scoring-model.entity';
import { ScoringTables1764500000000 } from './scoring-tables.migration';

export const SCORING_ENTITIES = [ScoringModelRecord];
export const SCORING_MIGRATIONS = [ScoringTables1764500000000];
