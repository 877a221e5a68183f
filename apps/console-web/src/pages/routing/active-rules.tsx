import { stringify } from 'yaml';
import type { ActiveRuleSet } from '../../api/routing';
import { CodeBlock } from '../../common/code-block';
import { formatDateTime } from '../../common/format';
import { LoadState } from '../../common/status';
import { useGet } from '../../common/use-load';

export function ActiveRules() {
  const rules = useGet<ActiveRuleSet>('/api/routing/rules/active');
  return (
    <section aria-labelledby="active-rules">
      <h2 id="active-rules">Active rules</h2>
      <LoadState loaded={rules} label="the active rules">
        {(active) => (
          <>
            <p>
              Version {active.version}
              {active.activatedAt ? `, active since ${formatDateTime(active.activatedAt)}` : ', the shipped default'}.
            </p>
            <CodeBlock label={`Routing rules ${active.version} as YAML`} text={stringify(active.ruleSet)} />
          </>
        )}
      </LoadState>
    </section>
  );
}
