import { Controller, Get } from '@nestjs/common';
import type { PipelineSnapshot } from '@handoff/console-api';
import { PipelineFigures } from './pipeline-figures';

@Controller('api/pipeline')
export class PipelineController {
  constructor(private readonly figures: PipelineFigures) {}

  @Get()
  snapshot(): PipelineSnapshot {
    return this.figures.snapshot(Date.now());
  }
}
