import { Injectable } from '@nestjs/common';
import { firstRouteRequest, routeLead } from '@handoff/domain-routing';
import { DataSource } from 'typeorm';
import { FIRST_POOL_STATE } from '../assignment/decision-context';
import { DecisionContextLoader } from '../assignment/decision-context-loader';
import { candidateRuleSetOf } from './candidate-rule-set';
import { type DryRunAnswerDto, dryRunAnswerOf, type DryRunRequest } from './dry-run.dto';
import { readOnlyTransaction } from './read-only-transaction';
import { leadToRouteOf } from './sample-lead.dto';

/**
 * What routing would decide for a sample lead right now, with its full trace: the live decision's context and
 * routeLead, in a read-only transaction, and nothing kept (no assignment, decision, turn order or event).
 */
@Injectable()
export class DryRunService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contexts: DecisionContextLoader,
  ) {}

  async run(request: DryRunRequest): Promise<DryRunAnswerDto> {
    const candidate = request.ruleSet === undefined ? undefined : candidateRuleSetOf(request.ruleSet);
    const context = await readOnlyTransaction(this.dataSource, (manager) => this.contexts.load(manager, candidate));
    const decision = routeLead(
      firstRouteRequest(leadToRouteOf(request.lead), context.now),
      context.ruleSet,
      context.directory,
      (poolId) => context.poolStates.get(poolId) ?? FIRST_POOL_STATE,
    );
    return dryRunAnswerOf(decision, context, candidate ? 'inline' : 'active');
  }
}
