import type { Check } from './lib/check';
import { CLUSTER_CHECKS } from './lib/cluster-checks';
import { type Manifest, ofKind, OVERLAYS, renderOverlay, selects } from './lib/manifests';
import { NETWORK_CHECKS } from './lib/network-checks';
import { schemaProblems } from './lib/schemas';
import { WORKLOAD_CHECKS } from './lib/workload-checks';

const CHECKS: readonly Check[] = [...WORKLOAD_CHECKS, ...CLUSTER_CHECKS, ...NETWORK_CHECKS];

describe.each(OVERLAYS)('k8s/overlays/%s rendered by kubectl kustomize', (overlay) => {
  let manifests: Manifest[];

  beforeAll(() => {
    manifests = renderOverlay(overlay);
  });

  it('holds the five services and the console with their Service, ServiceAccount, PDB, NetworkPolicy, ServiceMonitor and migrations Job', () => {
    for (const kind of ['Deployment', 'Service', 'ServiceAccount', 'PodDisruptionBudget', 'ServiceMonitor']) {
      expect(
        ofKind(manifests, kind)
          .map((manifest) => manifest.metadata.name)
          .sort(),
      ).toEqual(['console', 'delivery', 'ingest', 'quota', 'routing', 'scoring']);
    }
    expect(ofKind(manifests, 'Job').map((job) => job.metadata.name)).toEqual(
      expect.arrayContaining([
        'ingest-migrate',
        'scoring-migrate',
        'routing-migrate',
        'quota-migrate',
        'delivery-migrate',
        'console-migrate',
      ]),
    );
    expect(ofKind(manifests, 'PrometheusRule')).toHaveLength(1);
  });

  it('scales the console by a fixed replica count, with no autoscaler and no consumer group', () => {
    const scaled = [...ofKind(manifests, 'ScaledObject'), ...ofKind(manifests, 'HorizontalPodAutoscaler')];
    expect(scaled.map((scaler) => scaler.spec.scaleTargetRef.name)).not.toContain('console');
    const console = ofKind(manifests, 'Deployment').find((deployment) => deployment.metadata.name === 'console');
    expect(console?.spec.replicas).toBe(overlay === 'prod' ? 2 : 1);
    const config = ofKind(manifests, 'ConfigMap').find((configMap) =>
      configMap.metadata.name.startsWith('console-config'),
    );
    expect(Object.keys(config?.['data'] as object).filter((setting) => setting.endsWith('GROUP_ID'))).toEqual([]);
  });

  it('lets delivery send webhooks to public https addresses only, with its tokens out of its ConfigMap', () => {
    const policy = ofKind(manifests, 'NetworkPolicy').find((candidate) => candidate.metadata.name === 'delivery');
    const blocks = (policy?.spec.egress ?? []).flatMap((rule: { to?: { ipBlock?: object }[]; ports?: object[] }) =>
      (rule.to ?? []).filter((peer) => peer.ipBlock).map((peer) => ({ ipBlock: peer.ipBlock, ports: rule.ports })),
    );
    expect(blocks).toEqual([
      {
        ipBlock: {
          cidr: '0.0.0.0/0',
          except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8'],
        },
        ports: [{ port: 443, protocol: 'TCP' }],
      },
    ]);
    const config = ofKind(manifests, 'ConfigMap').find((configMap) =>
      configMap.metadata.name.startsWith('delivery-config'),
    )?.['data'] as Record<string, string>;
    expect(config['DELIVERY_ALLOW_PRIVATE_TARGETS']).toBe('false');
    expect(config).not.toHaveProperty('DELIVERY_ADMIN_TOKEN');
    expect(config).not.toHaveProperty('DELIVERY_CONTACT_TOKEN');
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

  it('prod exposes the console over HTTPS through an Ingress at its CONSOLE_PUBLIC_URL; dev through a port-forward', () => {
    const prod = renderOverlay('prod');
    const [ingress] = ofKind(prod, 'Ingress');
    const config = ofKind(prod, 'ConfigMap').find((configMap) => configMap.metadata.name.startsWith('console-config'));
    const publicUrl = new URL(String((config?.['data'] as Record<string, string>)['CONSOLE_PUBLIC_URL']));
    expect(publicUrl.protocol).toBe('https:');
    expect(ingress.spec.tls[0].hosts).toEqual([publicUrl.host]);
    expect(ingress.spec.rules[0]).toMatchObject({
      host: publicUrl.host,
      http: { paths: [{ backend: { service: { name: 'console', port: { name: 'http' } } } }] },
    });
    expect(ofKind(renderOverlay('dev'), 'Ingress')).toEqual([]);
  });
});
