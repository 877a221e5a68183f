import { knownMetricNames, unknownMetricsIn } from '@handoff/testing';
import { type Manifest, ofKind, renderOverlay } from './lib/manifests';

interface AlertRule {
  alert: string;
  expr: string;
}

function alertRules(manifests: Manifest[]): AlertRule[] {
  return ofKind(manifests, 'PrometheusRule').flatMap((rule) =>
    (rule.spec.groups as { rules: AlertRule[] }[]).flatMap((group) => group.rules),
  );
}

describe('the PrometheusRule alerts', () => {
  const known = knownMetricNames();

  it('read only metrics that the services register', () => {
    const rules = alertRules(renderOverlay('prod'));

    expect(rules.length).toBeGreaterThanOrEqual(5);
    expect(rules.flatMap((rule) => unknownMetricsIn(rule.expr, known).map((name) => `${rule.alert}: ${name}`))).toEqual(
      [],
    );
  });

  it('would be caught reading a metric that no service registers (a renamed one)', () => {
    expect(unknownMetricsIn('max by (service) (outbox_backlog) > 1000', known)).toEqual(['outbox_backlog']);
  });
});
