import { Module } from '@nestjs/common';
import { DeadLettersModule } from '../dead-letters/dead-letters.module';
import { MetricsScraper } from './metrics-scraper';
import { PipelineController } from './pipeline.controller';
import { PipelineFigures } from './pipeline-figures';

@Module({
  imports: [DeadLettersModule],
  controllers: [PipelineController],
  providers: [PipelineFigures, MetricsScraper],
})
export class PipelineModule {}
