import { Injectable } from '@nestjs/common';
import { backtest, validateScoringModel, type BacktestReport } from '@handoff/domain-scoring';
import { DomainError, fieldIssuesOf } from '@handoff/shared-errors';
import { DataSource } from 'typeorm';
import { ScoringConfig } from '../app/scoring.config';
import { ModelRegistry } from '../models/model-registry.service';
import { HistoryReader } from './history.reader';

/**
 * Rescores the recorded histories under a candidate model next to the active one, from scratch and in
 * memory. The reads run in one READ ONLY transaction: live state, ledger and outbox cannot be touched.
 */
@Injectable()
export class BacktestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly models: ModelRegistry,
    private readonly histories: HistoryReader,
    private readonly config: ScoringConfig,
  ) {}

  async run(candidateJson: unknown, at: string = new Date().toISOString()): Promise<BacktestReport> {
    const validation = validateScoringModel(candidateJson);
    if (!validation.ok) {
      const errors = fieldIssuesOf(validation.issues, '(model)').map((issue) => ({
        ...issue,
        field: `model.${issue.field}`,
      }));
      throw new DomainError('invalid', 'candidate scoring model is invalid', { details: errors });
    }
    const { active, histories } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return {
        active: await this.models.active(manager),
        histories: await this.histories.histories(manager, this.config.SCORING_BACKTEST_MAX_LEADS),
      };
    });
    return backtest(histories, validation.model, active, at);
  }
}
