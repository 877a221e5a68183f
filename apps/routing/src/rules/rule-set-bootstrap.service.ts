import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { RuleSetRegistry } from './rule-set-registry.service';

/** Decisions always use a stored, listed rule set: the shipped default until an operator activates another. */
@Injectable()
export class RuleSetBootstrap implements OnApplicationBootstrap {
  constructor(private readonly ruleSets: RuleSetRegistry) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ruleSets.ensureActiveRuleSet();
  }
}
