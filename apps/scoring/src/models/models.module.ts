import { Module } from '@nestjs/common';
import { ModelBootstrap } from './model-bootstrap.service';
import { ModelRegistry } from './model-registry.service';
import { ModelsController } from './models.controller';
import { ScoringModelStore } from './scoring-model.store';

@Module({
  controllers: [ModelsController],
  providers: [ModelRegistry, ModelBootstrap, ScoringModelStore],
  exports: [ModelRegistry],
})
export class ModelsModule {}
