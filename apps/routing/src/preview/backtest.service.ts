import { Injectable } from '@nestjs/common';
import { backtestRules } from '@handoff/domain-routing';
import { DomainError } from '@handoff/shared-errors';
import { DataSource } from 'typeorm';
import { RoutingConfig } from '../app/routing.config';
import { AssignmentStore } from '../assignment/assignment.store';
import { DecisionContextLoader } from '../assignment/decision-context-loader';
import { type BacktestAnswerDto, backtestAnswerOf, type BacktestRequest, DEFAULT_BACKTEST_LEADS } from './backtest.dto';
import { candidateRuleSetOf } from './candidate-rule-set';
import { readOnlyTransaction } from './read-only-transaction';

/**
 * Replays the latest qualifications under a candidate rule set and under the active one, in memory, over the
 * directory, loads and capacities of now; the reads run in one read-only transaction.
 */
@Injectable()
export class BacktestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contexts: DecisionContextLoader,
    private readonly store: AssignmentStore,
    private readonly config: RoutingConfig,
  ) {}

  async run(request: BacktestRequest): Promise<BacktestAnswerDto> {
    const limit = this.leadLimit(request.leads);
    const candidate = candidateRuleSetOf(request.ruleSet);
    const { context, leads } = await readOnlyTransaction(this.dataSource, async (manager) => ({
      context: await this.contexts.load(manager),
      leads: await this.store.recentLeads(manager, limit),
    }));
    const report = backtestRules(leads, context.ruleSet, candidate, context.directory, context.now);
    const versions = { current: context.ruleSet.version, candidate: candidate.version };
    return backtestAnswerOf(report, versions, context.now);
  }

  /** The leads asked for; without a number, the default unless the configured maximum is lower. */
  private leadLimit(requested: number | undefined): number {
    const max = this.config.ROUTING_BACKTEST_MAX_LEADS;
    if (requested === undefined) return Math.min(DEFAULT_BACKTEST_LEADS, max);
    if (requested <= max) return requested;
    throw new DomainError('invalid', 'the backtest asks for too many leads', {
      details: [{ field: 'leads', reasons: [`leads must not be greater than ${max} (ROUTING_BACKTEST_MAX_LEADS)`] }],
    });
  }
}
