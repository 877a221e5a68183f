import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { RuleSetBootstrap } from './rule-set-bootstrap.service';
import { defaultRuleSetProvider } from './rule-set-file';
import { RuleSetRegistry } from './rule-set-registry.service';
import { RulesController } from './rules.controller';

/** The routing rules: the shipped default and the versions operators store and activate over HTTP. */
@Module({
  imports: [DirectoryModule],
  controllers: [RulesController],
  providers: [defaultRuleSetProvider(), RuleSetRegistry, RuleSetBootstrap],
  exports: [RuleSetRegistry],
})
export class RulesModule {}
