import { Module } from '@nestjs/common';
import { defaultRuleSetProvider } from './rule-set-file';
import { RuleSetRegistry } from './rule-set-registry.service';

/** The routing rules: the shipped default and the versions operators store and activate. */
@Module({
  providers: [defaultRuleSetProvider(), RuleSetRegistry],
  exports: [RuleSetRegistry],
})
export class RulesModule {}
