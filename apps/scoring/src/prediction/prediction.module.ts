import { Module } from '@nestjs/common';
import { HistoryReader } from '../backtest/history.reader';
import { ModelsModule } from '../models/models.module';
import { PredictionController } from './prediction.controller';
import { PredictionModelStore } from './prediction-model.store';
import { PredictionService } from './prediction.service';
import { PredictionTrainer } from './prediction-trainer.service';

/** Conversion prediction: the model store the scoring session predicts with, training and the prediction API. */
@Module({
  imports: [ModelsModule],
  controllers: [PredictionController],
  providers: [PredictionModelStore, PredictionTrainer, PredictionService, HistoryReader],
  exports: [PredictionModelStore],
})
export class PredictionModule {}
