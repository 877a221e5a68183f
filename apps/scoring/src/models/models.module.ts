import { Module } from '@nestjs/common';
import { ModelBootstrap } from './model-bootstrap.service';
import { defaultScoringModelProvider } from './model-file';
import { ModelRegistry } from './model-registry.service';
import { ModelsController } from './models.controller';

@Module({
  controllers: [ModelsController],
  providers: [defaultScoringModelProvider(), ModelRegistry, ModelBootstrap],
  exports: [ModelRegistry],
})
export class ModelsModule {}
