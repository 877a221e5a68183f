import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module';
import { ScoringModule } from '../scoring/scoring.module';
import { DecaySweep } from './decay-sweep.service';

@Module({
  imports: [ModelsModule, ScoringModule],
  providers: [DecaySweep],
})
export class SweepModule {}
