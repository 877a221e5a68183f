import { Module } from '@nestjs/common';
import { ModelsController } from './models.controller';
import { PredictionController } from './prediction.controller';

@Module({ controllers: [ModelsController, PredictionController] })
export class ModelsModule {}
