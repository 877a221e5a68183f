import { Injectable } from '@nestjs/common';
import type { RoutingRuleSet } from '@handoff/domain-routing';
import type { EntityManager } from 'typeorm';
import { DirectoryStore } from '../directory/directory.store';
import { RuleSetRegistry } from '../rules/rule-set-registry.service';
import { AssignmentStore } from './assignment.store';
import type { DecisionContext } from './decision-context';

/**
 * Loads a decision's context in the caller's transaction: the live decisions (under their lock), the dry run and
 * the backtest (read only) all decide over the same rules, directory, loads, capacities and turn order.
 */
@Injectable()
export class DecisionContextLoader {
  constructor(
    private readonly store: AssignmentStore,
    private readonly directory: DirectoryStore,
    private readonly rules: RuleSetRegistry,
  ) {}

  /** `ruleSet` stands in for the active rules (a candidate tried out); without it the active rules are read. */
  async load(manager: EntityManager, ruleSet?: RoutingRuleSet): Promise<DecisionContext> {
    const now = new Date().toISOString();
    const records = await this.directory.snapshot(manager);
    return {
      ruleSet: ruleSet ?? (await this.rules.active(manager)),
      directory: {
        ...records,
        loads: await this.store.loads(manager, records.reps, now),
        capacities: await this.store.capacities(manager),
      },
      poolStates: await this.store.poolStates(manager),
      now,
    };
  }
}
