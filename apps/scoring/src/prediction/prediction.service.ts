import { Injectable } from '@nestjs/common';
import type { TimeWindow } from '@handoff/domain-prediction';
import { DataSource } from 'typeorm';
import { ScoringConfig } from '../app/scoring.config';
import { HistoryReader } from '../backtest/history.reader';
import { ModelRegistry } from '../models/model-registry.service';
import { backtestPrediction, type PredictionBacktestReport } from './prediction-backtest';
import type { PredictionModelDto, PredictionStatusDto, TrainingWindowDto } from './prediction.dto';
import { type PredictionModelRecord, PredictionModelStore } from './prediction-model.store';

/** Reads of the prediction API and the backtest of a model's threshold on recorded history. */
@Injectable()
export class PredictionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: PredictionModelStore,
    private readonly rules: ModelRegistry,
    private readonly histories: HistoryReader,
    private readonly config: ScoringConfig,
  ) {}

  async list(): Promise<PredictionModelDto[]> {
    return (await this.models.list()).map(viewOf);
  }

  async get(version: number): Promise<PredictionModelDto> {
    return viewOf(await this.models.get(version));
  }

  /** How far the labelled history is from enough to train, and which model predicts now. */
  async status(now = new Date()): Promise<PredictionStatusDto> {
    const horizon = new Date(now.getTime() - this.config.SCORING_PREDICTION_OPEN_HORIZON_DAYS * 86_400_000);
    const [row]: { labelled: string; converted: string }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE outcome IS NOT NULL OR handed_at <= $1) AS labelled,
              count(*) FILTER (WHERE outcome = 'won') AS converted
       FROM lead_handoffs`,
      [horizon],
    );
    const counts = {
      labelled: Number(row.labelled),
      converted: Number(row.converted),
      notConverted: Number(row.labelled) - Number(row.converted),
    };
    const minimum = {
      labelled: this.config.SCORING_PREDICTION_MIN_LABELLED,
      converted: this.config.SCORING_PREDICTION_MIN_CONVERTED,
      notConverted: this.config.SCORING_PREDICTION_MIN_NOT_CONVERTED,
    };
    const short = (Object.keys(minimum) as (keyof typeof minimum)[]).some((key) => counts[key] < minimum[key]);
    const current = await this.models.current();
    return { status: short ? 'not_enough_data' : 'ready', counts, minimum, currentVersion: current?.version ?? null };
  }

  /** Replays recorded history with the rule alone and with this model's probability at `qualifiesAt`. */
  async backtest(version: number, qualifiesAt: number): Promise<PredictionBacktestReport> {
    const record = await this.models.get(version);
    const predictor = { ...record, mode: 'shadow' as const, qualifiesAt: null };
    const manager = this.dataSource.manager;
    const histories = await this.histories.histories(manager, this.config.SCORING_BACKTEST_MAX_LEADS);
    const rules = await this.rules.active(manager);
    return backtestPrediction(histories, rules, predictor, qualifiesAt, new Date().toISOString());
  }
}

function viewOf(record: PredictionModelRecord): PredictionModelDto {
  const { model } = record;
  return {
    version: record.version,
    status: record.status,
    trainedAt: record.trainedAt,
    qualifiesAt: record.qualifiesAt,
    activatedAt: record.activatedAt,
    training: windowOf(model.training),
    validation: { ...model.validation, ...windowOf(model.validation) },
    weights: model.featureNames
      .map((feature, j) => ({ feature, coefficient: model.logistic.coefficients[j] }))
      .sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient)),
  };
}

function windowOf(window: TimeWindow): TrainingWindowDto {
  return { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), counts: window.counts };
}
