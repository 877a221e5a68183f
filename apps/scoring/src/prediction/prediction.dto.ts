import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CalibrationBin, OutcomeCounts, TrainingMinimum } from '@handoff/domain-prediction';
import { IsNumber, Max, Min } from 'class-validator';
import type { PredictionBacktestReport, QualificationQuality } from './prediction-backtest';

// Request bodies and the OpenAPI schemas of the prediction API; `implements` keeps them in step with the code.

export class QualificationThresholdRequest {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.4, description: 'The probability that qualifies a lead alone' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  qualifiesAt!: number;
}

export class OutcomeCountsDto implements OutcomeCounts {
  @ApiProperty({ description: 'Hand-offs with a label (an outcome, or open past the horizon)' })
  labelled!: number;
  @ApiProperty({ description: 'Won' })
  converted!: number;
  @ApiProperty({ description: 'Lost, rejected, or open past the horizon' })
  notConverted!: number;
}

export class TrainingMinimumDto extends OutcomeCountsDto implements TrainingMinimum {}

export class CalibrationBinDto implements CalibrationBin {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Mean predicted probability in the bin' }) meanPredicted!: number;
  @ApiProperty({ description: 'Share that converted' }) observedRate!: number;
}

export class ValidationReportDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: OutcomeCountsDto }) counts!: OutcomeCountsDto;
  @ApiProperty({ description: 'Area under the ROC curve on the later, held-out hand-offs' }) auc!: number;
  @ApiProperty() logLoss!: number;
  @ApiProperty() brier!: number;
  @ApiProperty({ description: 'Expected calibration error' }) calibrationError!: number;
  @ApiProperty({ type: [CalibrationBinDto] }) calibration!: CalibrationBinDto[];
}

export class TrainingWindowDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: OutcomeCountsDto }) counts!: OutcomeCountsDto;
}

export class FeatureWeightDto {
  @ApiProperty({ example: 'count:demo_request' }) feature!: string;
  @ApiProperty({ description: 'Coefficient on the standardised feature (log-odds per standard deviation)' })
  coefficient!: number;
}

export class PredictionModelDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['shadow', 'active', 'retired'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) trainedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) qualifiesAt!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) activatedAt!: string | null;
  @ApiProperty({ type: TrainingWindowDto }) training!: TrainingWindowDto;
  @ApiProperty({ type: ValidationReportDto }) validation!: ValidationReportDto;
  @ApiProperty({ type: [FeatureWeightDto], description: 'Largest effects first' }) weights!: FeatureWeightDto[];
}

export class PredictionModelListDto {
  @ApiProperty({ type: [PredictionModelDto] }) models!: PredictionModelDto[];
}

export class PredictionStatusDto {
  @ApiProperty({ enum: ['not_enough_data', 'ready'] }) status!: 'not_enough_data' | 'ready';
  @ApiProperty({ type: OutcomeCountsDto }) counts!: OutcomeCountsDto;
  @ApiProperty({ type: TrainingMinimumDto }) minimum!: TrainingMinimumDto;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The model predicting now' })
  currentVersion!: number | null;
}

export class TrainingOutcomeDto {
  @ApiProperty({ enum: ['trained', 'unchanged', 'not_enough_data', 'busy'] }) status!: string;
  @ApiPropertyOptional() version?: number;
  @ApiPropertyOptional({ type: ValidationReportDto }) validation?: ValidationReportDto;
  @ApiPropertyOptional({ type: OutcomeCountsDto }) counts?: OutcomeCountsDto;
  @ApiPropertyOptional({ type: TrainingMinimumDto }) minimum?: TrainingMinimumDto;
  @ApiPropertyOptional() reason?: string;
}

export class QualificationQualityDto implements QualificationQuality {
  @ApiProperty() mqls!: number;
  @ApiProperty() wonAmongMqls!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) precision!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) recall!: number | null;
}

export class PredictionBacktestReportDto implements PredictionBacktestReport {
  @ApiProperty() modelVersion!: number;
  @ApiProperty() qualifiesAt!: number;
  @ApiProperty({ description: 'Leads replayed' }) leads!: number;
  @ApiProperty({ description: 'Leads sales won' }) won!: number;
  @ApiProperty({ type: QualificationQualityDto }) ruleOnly!: QualificationQualityDto;
  @ApiProperty({ type: QualificationQualityDto }) withProbability!: QualificationQualityDto;
  @ApiProperty({ description: 'Leads only the probability qualifies' }) addedByProbability!: number;
}
