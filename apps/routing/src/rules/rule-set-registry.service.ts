import { Inject, Injectable } from '@nestjs/common';
import type { RoutingRuleSet } from '@handoff/domain-routing';
import type { EntityManager } from 'typeorm';
import { DEFAULT_RULE_SET_TOKEN } from './rule-set-file';

/** The routing rules decisions use. */
@Injectable()
export class RuleSetRegistry {
  constructor(@Inject(DEFAULT_RULE_SET_TOKEN) private readonly defaultRuleSet: RoutingRuleSet) {}

  /** The active rule set as the caller's transaction sees it. */
  async active(_manager?: EntityManager): Promise<RoutingRuleSet> {
    return this.defaultRuleSet;
  }
}
