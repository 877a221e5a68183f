import { Module } from '@nestjs/common';
import { ModelBootstrap } from './model-bootstrap.service';
import { defaultScoringModelProvider } from './model-file';
import { ModelRegistry } from './model-registry.service';
import { ModelsController } from './models.controller';
import { ScoringModelStore } from './scoring-model.store';

@Module({
  controllers: [ModelsController],
  providers: [defaultScoringModelProvider(), ModelRegistry, ModelBootstrap, ScoringModelStore],
  exports: [ModelRegistry],
})
export class ModelsModule {}
