import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactoryProvider } from '@nestjs/common';
import { parseRoutingRules, type RoutingRuleSet } from '@handoff/domain-routing';
import { parse as parseYaml } from 'yaml';

const DEFAULT_RULES_FILE_NAME = 'default-rules.yaml';

/** Injection token of the shipped default rule set, read and validated once at boot. */
export const DEFAULT_RULE_SET_TOKEN = Symbol('DEFAULT_RULE_SET_TOKEN');

/**
 * apps/routing/rules/default-rules.yaml, the one definition of the default rules. The built app carries it beside
 * main.js (webpack copies it to `rules/`); code run from source (tests) reads it in place.
 */
export function defaultRulesFile(): string {
  const built = join(__dirname, 'rules', DEFAULT_RULES_FILE_NAME);
  return existsSync(built) ? built : join(__dirname, '../../rules', DEFAULT_RULES_FILE_NAME);
}

/** Reads and validates a rules file (YAML when its name says so, JSON otherwise); any problem names the file. */
export function loadRuleSetFile(path: string): RoutingRuleSet {
  try {
    const text = readFileSync(path, 'utf8');
    return parseRoutingRules(/\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text));
  } catch (error) {
    throw new Error(`cannot load the routing rules in ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Provides the default rules; an unusable file fails the boot with the loader's message. */
export function defaultRuleSetProvider(path = defaultRulesFile()): FactoryProvider<RoutingRuleSet> {
  return { provide: DEFAULT_RULE_SET_TOKEN, useFactory: () => loadRuleSetFile(path) };
}
