import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRulesFile, loadRuleSetFile } from './rule-set-file';

describe('routing rules files', () => {
  it('the shipped default rules are valid and end in a fallback pool', () => {
    const ruleSet = loadRuleSetFile(defaultRulesFile());
    expect(ruleSet.rules.length).toBeGreaterThan(0);
    expect(ruleSet.fallback.pool).toBe('inbound');
  });

  it('a broken file fails with its path and every problem', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rules-')), 'broken.json');
    writeFileSync(path, JSON.stringify({ version: 'x', rules: [{ id: 'a', when: {}, strategy: 'lottery' }] }));
    expect(() => loadRuleSetFile(path)).toThrow(/broken\.json[\s\S]*rules\[0\]\.pool[\s\S]*rules\[0\]\.strategy/);
  });
});
