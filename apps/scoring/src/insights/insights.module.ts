import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module';
import { RuleInsightsController } from './rule-insights.controller';
import { RuleInsightsService } from './rule-insights.service';

/** Rule feedback for marketing from the outcomes of handed-over leads. */
@Module({
  imports: [ModelsModule],
  controllers: [RuleInsightsController],
  providers: [RuleInsightsService],
  exports: [RuleInsightsService],
})
export class InsightsModule {}
