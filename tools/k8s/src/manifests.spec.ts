import type { Check } from './lib/check';
import { CLUSTER_CHECKS } from './lib/cluster-checks';
import { type Manifest, ofKind, OVERLAYS, renderOverlay, selects } from './lib/manifests';
import { schemaProblems } from './lib/schemas';
import { WORKLOAD_CHECKS } from './lib/workload-checks';

const CHECKS: readonly Check[] = [...WORKLOAD_CHECKS, ...CLUSTER_CHECKS];

describe.each(OVERLAYS)('k8s/overlays/%s rendered by kubectl kustomize', (overlay) => {
  let manifests: Manifest[];

  beforeAll(() => {
    manifests = renderOverlay(overlay);
  });

  it('holds the four services with their Service, ServiceAccount, PDB, NetworkPolicy, ServiceMonitor and migrations Job', () => {
    for (const kind of ['Deployment', 'Service', 'ServiceAccount', 'PodDisruptionBudget', 'ServiceMonitor']) {
      expect(
        ofKind(manifests, kind)
          .map((manifest) => manifest.metadata.name)
          .sort(),
      ).toEqual(['ingest', 'quota', 'routing', 'scoring']);
    }
    expect(ofKind(manifests, 'Job').map((job) => job.metadata.name)).toEqual(
      expect.arrayContaining(['ingest-migrate', 'scoring-migrate', 'routing-migrate', 'quota-migrate']),
    );
    expect(ofKind(manifests, 'PrometheusRule')).toHaveLength(1);
  });

  it('validates every object against the Kubernetes, KEDA, Prometheus operator and Strimzi schemas', () => {
    expect(manifests.flatMap(schemaProblems)).toEqual([]);
  });

  it.each(
    CHECKS.filter((check) => !check.overlays || check.overlays.includes(overlay)).map(
      (check) => [check.name, check] as const,
    ),
  )('%s', (_name, check) => {
    expect(check.problems(manifests)).toEqual([]);
  });
});

describe('the overlays differ where they should', () => {
  it("gives each instance selectors that never pick the other instance's pods", () => {
    const [dev, prod] = [renderOverlay('dev'), renderOverlay('prod')];
    for (const [own, other] of [
      [dev, prod],
      [prod, dev],
    ]) {
      for (const deployment of ofKind(own, 'Deployment')) {
        const selected = ofKind(other, 'Deployment').filter((candidate) =>
          selects(deployment.spec.selector, candidate.spec.template.metadata.labels),
        );
        expect(selected).toEqual([]);
      }
    }
  });

  it('dev provisions topics with the topics Job and generates its Secrets; prod uses KafkaTopics and commits no Secret', () => {
    const dev = renderOverlay('dev');
    const prod = renderOverlay('prod');
    expect(ofKind(dev, 'Job').map((job) => job.metadata.name)).toContain('handoff-topics');
    expect(ofKind(dev, 'Secret').length).toBeGreaterThan(4);
    expect(ofKind(prod, 'KafkaTopic').length).toBeGreaterThan(0);
    expect(ofKind(prod, 'Job').map((job) => job.metadata.name)).not.toContain('handoff-topics');
    expect(ofKind(prod, 'Secret')).toEqual([]);
  });
});
