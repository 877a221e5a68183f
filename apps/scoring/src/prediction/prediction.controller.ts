import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AdminOnly, ApiErrorResponses } from '@handoff/platform-runtime';
import {
  PredictionBacktestReportDto,
  PredictionModelDto,
  PredictionModelListDto,
  PredictionStatusDto,
  QualificationThresholdRequest,
  TrainingOutcomeDto,
} from './prediction.dto';
import { PredictionModelStore } from './prediction-model.store';
import { PredictionService } from './prediction.service';
import { PredictionTrainer } from './prediction-trainer.service';

const VersionParam = () => ApiParam({ name: 'version', description: 'The conversion model version', example: 1 });

/**
 * Conversion prediction: trained model versions with their validation, training on demand, and the safe
 * switch-on (a backtest of the threshold, then activation; deactivation returns the model to shadow).
 */
@ApiTags('prediction')
@Controller('prediction')
export class PredictionController {
  constructor(
    private readonly predictions: PredictionService,
    private readonly trainer: PredictionTrainer,
    private readonly models: PredictionModelStore,
  ) {}

  @Get('status')
  @ApiOperation({ summary: 'Labelled hand-offs against the training minimum, and the model predicting now' })
  @ApiOkResponse({ type: PredictionStatusDto })
  status(): Promise<PredictionStatusDto> {
    return this.predictions.status();
  }

  @Get('models')
  @ApiOperation({ summary: 'Every trained version, oldest first, with its validation' })
  @ApiOkResponse({ type: PredictionModelListDto })
  async list(): Promise<PredictionModelListDto> {
    return { models: await this.predictions.list() };
  }

  @Get('models/:version')
  @VersionParam()
  @ApiOkResponse({ type: PredictionModelDto })
  @ApiErrorResponses({ 400: 'The version is not a number', 404: 'No model has this version' })
  get(@Param('version', ParseIntPipe) version: number): Promise<PredictionModelDto> {
    return this.predictions.get(version);
  }

  @Post('models/train')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Train a model now from the recorded hand-offs',
    description: 'Stores a new shadow version, or reports "not enough data" with the counts and the minimum.',
  })
  @ApiOkResponse({ type: TrainingOutcomeDto })
  async train(): Promise<TrainingOutcomeDto> {
    const outcome = await this.trainer.train({ onlyWithNewOutcomes: false });
    if (outcome.status !== 'trained') return outcome;
    const { validation } = await this.predictions.get(outcome.version);
    return { ...outcome, validation };
  }

  @Post('models/:version/backtest')
  @AdminOnly()
  @HttpCode(200)
  @VersionParam()
  @ApiOperation({ summary: 'Qualification on recorded history with the rule alone and with this threshold' })
  @ApiOkResponse({ type: PredictionBacktestReportDto })
  @ApiErrorResponses({ 400: 'qualifiesAt is not a probability', 404: 'No model has this version' })
  backtest(
    @Param('version', ParseIntPipe) version: number,
    @Body() request: QualificationThresholdRequest,
  ): Promise<PredictionBacktestReportDto> {
    return this.predictions.backtest(version, request.qualifiesAt);
  }

  @Post('models/:version/activate')
  @AdminOnly()
  @HttpCode(200)
  @VersionParam()
  @ApiOperation({
    summary: 'Let this model qualify leads: "rule, or probability ≥ qualifiesAt"',
    description: 'The model active before is retired; activating an older version is the rollback.',
  })
  @ApiOkResponse({ type: PredictionModelDto })
  @ApiErrorResponses({ 400: 'qualifiesAt is not a probability', 404: 'No model has this version' })
  async activate(
    @Param('version', ParseIntPipe) version: number,
    @Body() request: QualificationThresholdRequest,
  ): Promise<PredictionModelDto> {
    await this.models.activate(version, request.qualifiesAt);
    return this.predictions.get(version);
  }

  @Post('models/:version/deactivate')
  @AdminOnly()
  @HttpCode(200)
  @VersionParam()
  @ApiOperation({ summary: 'Back to shadow: the model keeps predicting but decides nothing' })
  @ApiOkResponse({ type: PredictionModelDto })
  @ApiErrorResponses({ 404: 'No model has this version', 409: 'The model is not active' })
  async deactivate(@Param('version', ParseIntPipe) version: number): Promise<PredictionModelDto> {
    await this.models.deactivate(version);
    return this.predictions.get(version);
  }
}
