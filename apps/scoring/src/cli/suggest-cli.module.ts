import { Module } from '@nestjs/common';
import { PlatformConfigModule } from '@handoff/platform-config';
import { ScoringConfig } from '../app/scoring.config';
import { RuleInsightsService } from '../insights/rule-insights.service';
import { defaultScoringModelProvider } from '../models/model-file';
import { ModelRegistry } from '../models/model-registry.service';
import { cliScoringDatabase } from './cli-database';

/** Only what rule suggestions read: config, the stored models, hand-offs and the ledger. */
@Module({
  imports: [PlatformConfigModule.forRoot(ScoringConfig), cliScoringDatabase('scoring-suggest')],
  providers: [defaultScoringModelProvider(), ModelRegistry, RuleInsightsService],
})
export class SuggestCliModule {}
