import type { Check } from './lib/check';
import {
  alertRulesWellFormed,
  fixedReplicasSurviveADrain,
  consumerGroupsNotShared,
  kafkaTopicsMatchContracts,
  lagTriggersAuthenticate,
  oneAutoscalerPerDeployment,
  replicasLeftToAutoscalers,
  oneNetworkPolicyPerDeployment,
  onePodDisruptionBudgetPerDeployment,
  scaledObjectsWithinPartitions,
  scalerSettingsExist,
  standardLabels,
  uniqueSelectors,
} from './lib/cluster-checks';
import { type Manifest, ofKind, parseManifests, renderOverlay } from './lib/manifests';
import { inClusterCallsAllowed } from './lib/network-checks';
import { schemaProblems } from './lib/schemas';
import {
  imagesPinned,
  ingressBackendsDrainBeforeStop,
  probesOutlastReadinessChecks,
  resourcesBounded,
  restrictedSecurityContext,
  secretsNotShared,
  serviceAccountsWithoutToken,
} from './lib/workload-checks';

/** The real prod rendering, broken in one place per test: each check must notice its own kind of mistake. */
let prod: Manifest[];
beforeAll(() => {
  prod = renderOverlay('prod');
});

const named = (kind: string, name: string) => (manifests: Manifest[]) => {
  const found = ofKind(manifests, kind).find((manifest) => manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in the fixture`);
  return found;
};
const deployment = (name: string) => named('Deployment', name);
const config =
  (service: string) =>
  (manifests: Manifest[]): Record<string, string> => {
    const found = ofKind(manifests, 'ConfigMap').find((manifest) =>
      manifest.metadata.name.startsWith(`${service}-config`),
    );
    if (!found) throw new Error(`no ${service} ConfigMap in the fixture`);
    return found['data'] as Record<string, string>;
  };
const container = (manifests: Manifest[], name: string) => deployment(name)(manifests).spec.template.spec.containers[0];

/** A deep copy of the rendering with one mistake made in it. */
function broken(mistake: (manifests: Manifest[]) => void): Manifest[] {
  const copy = structuredClone(prod);
  mistake(copy);
  return copy;
}

const cases: [string, Check, (manifests: Manifest[]) => void, RegExp][] = [
  [
    'a missing readiness probe',
    probesOutlastReadinessChecks,
    (m) => delete container(m, 'scoring').readinessProbe,
    /scoring.*no readinessProbe/,
  ],
  [
    'a probe timeout at the readiness check timeout',
    probesOutlastReadinessChecks,
    (m) => (container(m, 'routing').livenessProbe.timeoutSeconds = 3),
    /routing.*livenessProbe timeout 3000 ms/,
  ],
  [
    'a container without a memory limit',
    resourcesBounded,
    (m) => delete container(m, 'quota').resources.limits.memory,
    /quota.*no memory limits/,
  ],
  [
    'a privileged container',
    restrictedSecurityContext,
    (m) => (container(m, 'ingest').securityContext.privileged = true),
    /ingest.*runs privileged/,
  ],
  [
    'a writable root filesystem',
    restrictedSecurityContext,
    (m) => (container(m, 'ingest').securityContext.readOnlyRootFilesystem = false),
    /root filesystem is writable/,
  ],
  [
    'a pod allowed to run as root',
    restrictedSecurityContext,
    (m) => delete deployment('quota')(m).spec.template.spec.securityContext.runAsNonRoot,
    /quota.*runAsNonRoot/,
  ],
  [
    'a Secret shared by two Deployments',
    secretsNotShared,
    (m) => (container(m, 'routing').envFrom[1].secretRef.name = 'scoring-secrets'),
    /Secret scoring-secrets is used by routing, scoring/,
  ],
  [
    'a Secret volume shared with another Deployment',
    secretsNotShared,
    (m) =>
      deployment('quota')(m).spec.template.spec.volumes.push({ name: 'x', secret: { secretName: 'ingest-secrets' } }),
    /ingest-secrets is used by ingest, quota/,
  ],
  [
    'ingest without its preStop drain',
    ingressBackendsDrainBeforeStop,
    (m) => delete container(m, 'ingest').lifecycle,
    /ingest: no preStop drain on the ingest container/,
  ],
  [
    'the console, behind the Ingress, without its preStop drain',
    ingressBackendsDrainBeforeStop,
    (m) => delete container(m, 'console').lifecycle,
    /console: no preStop drain on the console container/,
  ],
  [
    'an automounted service account token',
    serviceAccountsWithoutToken,
    (m) => (named('ServiceAccount', 'scoring')(m)['automountServiceAccountToken'] = true),
    /scoring: automountServiceAccountToken/,
  ],
  [
    'an image on latest',
    imagesPinned,
    (m) => (container(m, 'quota').image = 'registry.example.com/handoff/quota:latest'),
    /quota.*not pinned/,
  ],
  [
    'an image without a tag',
    imagesPinned,
    (m) => (container(m, 'routing').image = 'registry.example.com/handoff/routing'),
    /routing.*not pinned/,
  ],
  [
    'a Deployment without a PodDisruptionBudget',
    onePodDisruptionBudgetPerDeployment,
    (m) => m.splice(m.indexOf(named('PodDisruptionBudget', 'routing')(m)), 1),
    /routing: selected by 0/,
  ],
  [
    'a second NetworkPolicy for a Deployment',
    oneNetworkPolicyPerDeployment,
    (m) => m.push({ ...structuredClone(named('NetworkPolicy', 'ingest')(m)), metadata: { name: 'extra' } }),
    /ingest: selected by 2/,
  ],
  [
    'a NetworkPolicy that leaves egress open',
    oneNetworkPolicyPerDeployment,
    (m) => (named('NetworkPolicy', 'quota')(m).spec.policyTypes = ['Ingress']),
    /quota: does not restrict both/,
  ],
  [
    'an object without the instance label',
    standardLabels,
    (m) => delete named('Service', 'scoring')(m).metadata.labels?.['app.kubernetes.io/instance'],
    /Service\/scoring: no app.kubernetes.io\/instance/,
  ],
  [
    "a Service selecting two services' pods",
    uniqueSelectors,
    (m) => (named('Service', 'quota')(m).spec.selector = { 'app.kubernetes.io/component': 'server' }),
    /Service\/quota: selects 6/,
  ],
  [
    'a Deployment selector without the instance',
    uniqueSelectors,
    (m) => delete deployment('routing')(m).spec.selector.matchLabels['app.kubernetes.io/instance'],
    /routing: selector lacks/,
  ],
  [
    'a Deployment without an autoscaler',
    oneAutoscalerPerDeployment,
    (m) => m.splice(m.indexOf(named('ScaledObject', 'quota')(m)), 1),
    /quota: 0 autoscalers/,
  ],
  [
    'a Deployment with neither an autoscaler nor a replica count',
    oneAutoscalerPerDeployment,
    (m) => delete deployment('console')(m).spec.replicas,
    /console: 0 autoscalers, not 1, and no fixed replica count/,
  ],
  [
    'a second autoscaler for a Deployment',
    oneAutoscalerPerDeployment,
    (m) => m.push({ ...structuredClone(named('HorizontalPodAutoscaler', 'ingest')(m)), metadata: { name: 'extra' } }),
    /ingest: 2 autoscalers/,
  ],
  [
    'a Deployment that fixes its replica count',
    replicasLeftToAutoscalers,
    (m) => (deployment('scoring')(m).spec.replicas = 2),
    /Deployment\/scoring: sets replicas/,
  ],
  [
    'an autoscaler added to a Deployment that keeps its fixed count',
    replicasLeftToAutoscalers,
    (m) => {
      const hpa = structuredClone(named('HorizontalPodAutoscaler', 'ingest')(m));
      hpa.spec.scaleTargetRef.name = 'console';
      m.push({ ...hpa, metadata: { name: 'console' } });
    },
    /Deployment\/console: sets replicas/,
  ],
  [
    'a single replica without an autoscaler',
    fixedReplicasSurviveADrain,
    (m) => (deployment('console')(m).spec.replicas = 1),
    /Deployment\/console: 1 replica\(s\) and no autoscaler/,
  ],
  [
    "a service's NetworkPolicy without the console's ingress",
    inClusterCallsAllowed,
    (m) => named('NetworkPolicy', 'quota')(m).spec.ingress.splice(2, 1),
    /CONSOLE_QUOTA_URL: Deployment\/quota admits no ingress from it on port 3003/,
  ],
  [
    "the console's egress to a service on the wrong port",
    inClusterCallsAllowed,
    (m) => (named('NetworkPolicy', 'console')(m).spec.egress[5].ports[0].port = 3009),
    /CONSOLE_SCORING_URL: no egress to Deployment\/scoring port 3001/,
  ],
  [
    "a service URL on a port the service's Service lacks",
    inClusterCallsAllowed,
    (m) => (config('console')(m)['CONSOLE_ROUTING_URL'] = 'http://routing:3012'),
    /CONSOLE_ROUTING_URL: 3012 is not a port of Service\/routing/,
  ],
  [
    "ingest's NetworkPolicy without delivery's ingress",
    inClusterCallsAllowed,
    (m) => named('NetworkPolicy', 'ingest')(m).spec.ingress.splice(3, 1),
    /DELIVERY_CONTACT_URL_TEMPLATE: Deployment\/ingest admits no ingress from it on port 3000/,
  ],
  [
    "delivery's NetworkPolicy without its egress to ingest",
    inClusterCallsAllowed,
    (m) => named('NetworkPolicy', 'delivery')(m).spec.egress.splice(4, 1),
    /DELIVERY_CONTACT_URL_TEMPLATE: no egress to Deployment\/ingest port 3000/,
  ],
  [
    'a URL template, {leadId} in its path, on a port the Service lacks',
    inClusterCallsAllowed,
    (m) => (config('delivery')(m)['DELIVERY_CONTACT_URL_TEMPLATE'] = 'http://ingest:3009/leads/{leadId}/contact'),
    /DELIVERY_CONTACT_URL_TEMPLATE: 3009 is not a port of Service\/ingest/,
  ],
  [
    "a ScaledObject above its topics' partitions",
    scaledObjectsWithinPartitions,
    (m) => (named('ScaledObject', 'routing')(m).spec.maxReplicaCount = 6),
    /maxReplicaCount 6 > 3 partitions of rep.capacity.v1/,
  ],
  [
    "a ScaledObject above the smallest of its topics' partitions",
    scaledObjectsWithinPartitions,
    (m) => (named('ScaledObject', 'delivery')(m).spec.maxReplicaCount = 6),
    /ScaledObject\/delivery: maxReplicaCount 6 > 3 partitions of rep.capacity.v1/,
  ],
  [
    'a lag trigger on an unknown topic',
    scaledObjectsWithinPartitions,
    (m) => (named('ScaledObject', 'scoring')(m).spec.triggers[0].metadata.topic = 'lead.scored.v9'),
    /lead.scored.v9 is not a contract topic/,
  ],
  [
    'a lag trigger reading a setting the service lacks',
    scalerSettingsExist,
    (m) => (named('ScaledObject', 'quota')(m).spec.triggers[1].metadata.consumerGroupFromEnv = 'QUOTA_GROUP'),
    /ScaledObject\/quota: QUOTA_GROUP is not set/,
  ],
  [
    'a lag trigger without the SASL credentials its target uses',
    lagTriggersAuthenticate,
    (m) => delete named('ScaledObject', 'delivery')(m).spec.triggers[3].authenticationRef,
    /ScaledObject\/delivery trigger on rep.capacity.v1: no authenticationRef/,
  ],
  [
    'a lag trigger without TLS to a TLS listener',
    lagTriggersAuthenticate,
    (m) => delete named('ScaledObject', 'quota')(m).spec.triggers[0].metadata.tls,
    /ScaledObject\/quota trigger on sales.activity.v1: tls is not enabled/,
  ],
  [
    "a service in another service's consumer group",
    consumerGroupsNotShared,
    (m) => (config('delivery')(m)['DELIVERY_CONSUMER_GROUP_ID'] = 'quota'),
    /consumer group quota is set for (quota, delivery|delivery, quota)/,
  ],
  [
    'an image pinned by neither tag nor digest, behind a registry port',
    imagesPinned,
    (m) => (container(m, 'scoring').image = 'registry.example.com:5000/handoff/scoring'),
    /scoring.*not pinned/,
  ],
  [
    'a KafkaTopic with the wrong partition count',
    kafkaTopicsMatchContracts,
    (m) => (named('KafkaTopic', 'lead.routed.v1')(m).spec.partitions = 12),
    /12 partitions, contract says 6/,
  ],
  [
    'a compacted topic declared as delete',
    kafkaTopicsMatchContracts,
    (m) => (named('KafkaTopic', 'rep.capacity.v1')(m).spec.config['cleanup.policy'] = 'delete'),
    /rep.capacity.v1: cleanup.policy is not compact/,
  ],
  [
    'a missing dead-letter topic',
    kafkaTopicsMatchContracts,
    (m) => m.splice(m.indexOf(named('KafkaTopic', 'lead.merged.v1.dlq')(m)), 1),
    /no KafkaTopic for lead.merged.v1.dlq/,
  ],
  [
    'a missing alert',
    alertRulesWellFormed,
    (m) => named('PrometheusRule', 'handoff')(m).spec.groups.pop(),
    /no alert HandoffHttp5xxRate/,
  ],
  [
    'an unbalanced alert expression',
    alertRulesWellFormed,
    (m) =>
      (named('PrometheusRule', 'handoff')(m).spec.groups[1].rules[0].expr = 'max by (service) (outbox_backlog > 1000'),
    /HandoffOutboxBacklog: missing \)/,
  ],
];

describe('each convention check fails on manifests that break it', () => {
  it.each(cases)('%s', (_mistake, check, mistake, expected) => {
    expect(check.problems(prod)).toEqual([]);
    expect(check.problems(broken(mistake)).join('\n')).toMatch(expected);
  });
});

describe('schema validation', () => {
  it('rejects a field of the wrong type', () => {
    const manifests = broken((m) => (deployment('ingest')(m).spec.replicas = 'two'));
    expect(schemaProblems(deployment('ingest')(manifests)).join('\n')).toMatch(
      /Deployment\/ingest: .*replicas must be integer/,
    );
  });

  it('rejects a CRD object that breaks its operator schema', () => {
    const manifests = broken((m) => (named('ScaledObject', 'scoring')(m).spec.triggers = 'kafka'));
    expect(schemaProblems(named('ScaledObject', 'scoring')(manifests)).join('\n')).toMatch(
      /ScaledObject\/scoring: .*triggers must be array/,
    );
  });

  it('rejects a kind it has no schema for', () => {
    const [role] = parseManifests('apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: ingest }\n');
    expect(schemaProblems(role)).toEqual(['Role/ingest: unknown kind rbac.authorization.k8s.io/v1 Role']);
  });

  it('reads Secret values as the API server does, line breaks and all', () => {
    const [secret] = parseManifests(
      'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ndata:\n  K: |\n    aGVsbG8g\n    d29ybGQ=\n',
    );
    expect(schemaProblems(secret)).toEqual([]);
    expect(schemaProblems({ ...secret, data: { K: 'not base64!' } })).not.toEqual([]);
  });
});
