import { ALL_TOPICS, DEAD_LETTER_TOPICS, topicByName } from '@handoff/contracts';
import type { Check } from './check';
import { configOf, describe, type LabelSelector, type Manifest, ofKind, selects } from './manifests';
import { promqlProblems } from './promql';

const podLabels = (deployment: Manifest): Record<string, string> => deployment.spec?.template?.metadata?.labels ?? {};

/** Each Deployment is selected by exactly one object of `kind` (through `selectorOf`). */
function exactlyOnePer(kind: string, selectorOf: (manifest: Manifest) => LabelSelector | undefined): Check['problems'] {
  return (manifests) =>
    ofKind(manifests, 'Deployment').flatMap((deployment) => {
      const matching = ofKind(manifests, kind).filter((candidate) =>
        selects(selectorOf(candidate), podLabels(deployment)),
      );
      return matching.length === 1 ? [] : [`${describe(deployment)}: selected by ${matching.length} ${kind}s, not 1`];
    });
}

export const onePodDisruptionBudgetPerDeployment: Check = {
  name: 'every Deployment has exactly one PodDisruptionBudget',
  problems: exactlyOnePer('PodDisruptionBudget', (pdb) => pdb.spec?.selector),
};

export const oneNetworkPolicyPerDeployment: Check = {
  name: 'every Deployment has exactly one NetworkPolicy restricting ingress and egress',
  problems: (manifests) => [
    ...exactlyOnePer('NetworkPolicy', (policy) => policy.spec?.podSelector)(manifests),
    ...ofKind(manifests, 'NetworkPolicy')
      .filter((policy) => !['Ingress', 'Egress'].every((type) => (policy.spec?.policyTypes ?? []).includes(type)))
      .map((policy) => `${describe(policy)}: does not restrict both Ingress and Egress`),
  ],
};

const STANDARD_LABELS = ['name', 'instance', 'component', 'part-of', 'version', 'managed-by'].map(
  (label) => `app.kubernetes.io/${label}`,
);

/** The recommended labels on every object and on every pod template. */
export const standardLabels: Check = {
  name: 'every object and pod template carries the app.kubernetes.io labels',
  problems: (manifests) =>
    manifests.flatMap((manifest) => {
      const where: [string, Record<string, string> | undefined][] = [[describe(manifest), manifest.metadata.labels]];
      if (manifest.spec?.template?.metadata)
        where.push([`${describe(manifest)} pod template`, manifest.spec.template.metadata.labels]);
      return where.flatMap(([place, labels]) =>
        STANDARD_LABELS.filter((label) => !labels?.[label]).map((label) => `${place}: no ${label} label`),
      );
    }),
};

/** Selectors name the service and the instance, and no selector picks another Deployment's pods. */
export const uniqueSelectors: Check = {
  name: 'Deployment and Service selectors are unique per service and instance',
  problems: (manifests) => {
    const deployments = ofKind(manifests, 'Deployment');
    const incomplete = deployments
      .filter(
        (deployment) =>
          !['app.kubernetes.io/name', 'app.kubernetes.io/instance'].every(
            (label) => deployment.spec?.selector?.matchLabels?.[label],
          ),
      )
      .map((deployment) => `${describe(deployment)}: selector lacks the name or instance label`);
    const overlapping = [...deployments, ...ofKind(manifests, 'Service')].flatMap((selector) => {
      const labelSelector: LabelSelector =
        selector.kind === 'Service' ? { matchLabels: selector.spec?.selector } : selector.spec?.selector;
      const selected = deployments.filter((deployment) => selects(labelSelector, podLabels(deployment)));
      return selected.length === 1 ? [] : [`${describe(selector)}: selects ${selected.length} Deployments' pods`];
    });
    return [...incomplete, ...overlapping];
  },
};

/** The autoscalers whose target is this Deployment. */
const autoscalersOf = (manifests: Manifest[], deployment: Manifest): Manifest[] =>
  [...ofKind(manifests, 'ScaledObject'), ...ofKind(manifests, 'HorizontalPodAutoscaler')].filter(
    (scaler) => scaler.spec?.scaleTargetRef?.name === deployment.metadata.name,
  );

/**
 * KEDA for the consumers, an HPA for ingest: one autoscaler owns the replica count. A Deployment without one (the
 * console) fixes its count itself; one with neither would run whatever count it was last given.
 */
export const oneAutoscalerPerDeployment: Check = {
  name: 'every Deployment has exactly one autoscaler (KEDA ScaledObject or HPA), unless it fixes its replica count',
  problems: (manifests) =>
    ofKind(manifests, 'Deployment').flatMap((deployment) => {
      const scalers = autoscalersOf(manifests, deployment).length;
      if (scalers === 1 || (scalers === 0 && deployment.spec?.replicas !== undefined)) return [];
      return [`${describe(deployment)}: ${scalers} autoscalers, not 1, and no fixed replica count`];
    }),
};

/** `kubectl apply` of a Deployment with `replicas` resets whatever its autoscaler chose, on every release. */
export const replicasLeftToAutoscalers: Check = {
  name: 'Deployments with an autoscaler leave their replica count to it',
  problems: (manifests) =>
    ofKind(manifests, 'Deployment')
      .filter(
        (deployment) => deployment.spec?.replicas !== undefined && autoscalersOf(manifests, deployment).length > 0,
      )
      .map((deployment) => `${describe(deployment)}: sets replicas, which its autoscaler owns`),
};

/** With no autoscaler to add a pod, one replica means a rollout or a node drain takes the workload down. */
export const fixedReplicasSurviveADrain: Check = {
  name: 'a Deployment without an autoscaler runs at least two replicas',
  overlays: ['prod'],
  problems: (manifests) =>
    ofKind(manifests, 'Deployment')
      .filter((deployment) => autoscalersOf(manifests, deployment).length === 0 && (deployment.spec?.replicas ?? 1) < 2)
      .map((deployment) => `${describe(deployment)}: ${deployment.spec?.replicas ?? 1} replica(s) and no autoscaler`),
};

interface KafkaTrigger {
  type: string;
  metadata?: { topic?: string };
}

/** Replicas beyond a topic's partitions get none of it: the lag triggers' maximum stays within every topic's count. */
export const scaledObjectsWithinPartitions: Check = {
  name: "ScaledObjects scale on contract topics and never above a topic's partitions",
  problems: (manifests) =>
    ofKind(manifests, 'ScaledObject').flatMap((scaled) => {
      const max: number = scaled.spec?.maxReplicaCount ?? 100;
      const triggers: KafkaTrigger[] = scaled.spec?.triggers ?? [];
      if (!triggers.some((trigger) => trigger.type === 'kafka')) return [`${describe(scaled)}: no kafka lag trigger`];
      return triggers.flatMap((trigger) => {
        const topic = topicByName(trigger.metadata?.topic ?? '');
        if (!topic) return [`${describe(scaled)}: trigger topic ${trigger.metadata?.topic} is not a contract topic`];
        return max <= topic.partitions
          ? []
          : [`${describe(scaled)}: maxReplicaCount ${max} > ${topic.partitions} partitions of ${topic.name}`];
      });
    }),
};

/** KEDA reads `<parameter>FromEnv` from the target's environment: a missing setting fails only at run time, so here. */
export const scalerSettingsExist: Check = {
  name: "ScaledObjects read brokers and group ids that the target's ConfigMap sets",
  problems: (manifests) =>
    ofKind(manifests, 'ScaledObject').flatMap((scaled) => {
      const settings = settingsOf(manifests, scaled.spec?.scaleTargetRef?.name);
      const fromEnv: string[] = (scaled.spec?.triggers ?? []).flatMap(
        (trigger: { metadata?: Record<string, string> }) =>
          Object.entries(trigger.metadata ?? {})
            .filter(([parameter]) => parameter.endsWith('FromEnv'))
            .map(([, variable]) => variable),
      );
      return [...new Set(fromEnv)]
        .filter((variable) => !settings.has(variable))
        .map((variable) => `${describe(scaled)}: ${variable} is not set in its target's ConfigMap`);
    }),
};

interface AuthenticatedTrigger {
  type: string;
  metadata?: Record<string, string>;
  authenticationRef?: { name?: string };
}

/** A lag trigger without the target's SASL and TLS cannot read the group's offsets: KEDA then never scales it. */
export const lagTriggersAuthenticate: Check = {
  name: "ScaledObjects' lag triggers use SASL and TLS wherever their target does",
  problems: (manifests) =>
    ofKind(manifests, 'ScaledObject').flatMap((scaled) => {
      const deployment = ofKind(manifests, 'Deployment').find(
        (candidate) => candidate.metadata.name === scaled.spec?.scaleTargetRef?.name,
      );
      const settings = deployment ? configOf(manifests, deployment) : {};
      const triggers: AuthenticatedTrigger[] = scaled.spec?.triggers ?? [];
      return triggers
        .filter((trigger) => trigger.type === 'kafka')
        .flatMap((trigger) => {
          const where = `${describe(scaled)} trigger on ${trigger.metadata?.['topic']}`;
          const sasl = settings['KAFKA_SASL_MECHANISM'] !== undefined;
          const failures: [boolean, string][] = [
            [sasl && !trigger.metadata?.['sasl'], 'no sasl'],
            [sasl && !trigger.authenticationRef?.name, 'no authenticationRef'],
            [settings['KAFKA_TLS'] === 'true' && trigger.metadata?.['tls'] !== 'enable', 'tls is not enabled'],
          ];
          return failures.filter(([failed]) => failed).map(([, message]) => `${where}: ${message}`);
        });
    }),
};

/** Two services in one consumer group would split each topic's partitions between them: each misses the other's. */
export const consumerGroupsNotShared: Check = {
  name: 'no consumer group id is set for two Deployments',
  problems: (manifests) => {
    const members = new Map<string, Set<string>>();
    for (const deployment of ofKind(manifests, 'Deployment')) {
      for (const [setting, group] of Object.entries(configOf(manifests, deployment))) {
        if (setting.endsWith('GROUP_ID'))
          members.set(group, (members.get(group) ?? new Set()).add(deployment.metadata.name));
      }
    }
    return [...members]
      .filter(([, deployments]) => deployments.size > 1)
      .map(([group, deployments]) => `consumer group ${group} is set for ${[...deployments].join(', ')}`);
  },
};

/** The keys of the ConfigMaps a Deployment's containers load with envFrom. */
function settingsOf(manifests: Manifest[], deploymentName: string | undefined): Set<string> {
  const deployment = ofKind(manifests, 'Deployment').find((candidate) => candidate.metadata.name === deploymentName);
  return new Set(Object.keys(deployment ? configOf(manifests, deployment) : {}));
}

/** Strimzi topics are the contracts' topics: same names, partition counts and compaction, DLQs included. */
export const kafkaTopicsMatchContracts: Check = {
  name: 'KafkaTopics match the contract topics and their dead-letter topics',
  overlays: ['prod'],
  problems: (manifests) => {
    const declared = new Map(
      ofKind(manifests, 'KafkaTopic').map((topic) => [topic.spec?.topicName ?? topic.metadata.name, topic]),
    );
    const expected = [
      ...ALL_TOPICS.map((topic) => ({ name: topic.name, partitions: topic.partitions, compacted: topic.compacted })),
      ...DEAD_LETTER_TOPICS.map((topic) => ({ name: topic.name, partitions: topic.partitions, compacted: false })),
    ];
    const missingOrWrong = expected.flatMap(({ name, partitions, compacted }) => {
      const topic = declared.get(name);
      if (!topic) return [`no KafkaTopic for ${name}`];
      const policy = compacted ? 'compact' : 'delete';
      return [
        ...(topic.spec?.partitions === partitions
          ? []
          : [`${describe(topic)}: ${topic.spec?.partitions} partitions, contract says ${partitions}`]),
        ...(topic.spec?.config?.['cleanup.policy'] === policy
          ? []
          : [`${describe(topic)}: cleanup.policy is not ${policy}`]),
      ];
    });
    const unknown = [...declared.keys()].filter((name) => !expected.some((topic) => topic.name === name));
    return [...missingOrWrong, ...unknown.map((name) => `KafkaTopic ${name} is not a contract topic`)];
  },
};

const REQUIRED_ALERTS = [
  'HandoffConsumerLagGrowing',
  'HandoffDeadLetters',
  'HandoffOutboxBacklog',
  'HandoffRoutingSlaBreaches',
  'HandoffHttp5xxRate',
];

interface AlertRule {
  alert?: string;
  record?: string;
  expr?: string;
}

/** The alerts the operations guide promises exist, and each expression is well-formed PromQL. */
export const alertRulesWellFormed: Check = {
  name: 'PrometheusRules hold the documented alerts with well-formed expressions',
  problems: (manifests) => {
    const rules: AlertRule[] = ofKind(manifests, 'PrometheusRule').flatMap((rule) =>
      (rule.spec?.groups ?? []).flatMap((group: { rules?: AlertRule[] }) => group.rules ?? []),
    );
    const missing = REQUIRED_ALERTS.filter((alert) => !rules.some((rule) => rule.alert === alert)).map(
      (alert) => `no alert ${alert}`,
    );
    const malformed = rules.flatMap((rule) =>
      promqlProblems(String(rule.expr ?? '')).map((problem) => `${rule.alert ?? rule.record}: ${problem}`),
    );
    return [...missing, ...malformed];
  },
};

export const CLUSTER_CHECKS: readonly Check[] = [
  onePodDisruptionBudgetPerDeployment,
  oneNetworkPolicyPerDeployment,
  standardLabels,
  uniqueSelectors,
  oneAutoscalerPerDeployment,
  replicasLeftToAutoscalers,
  fixedReplicasSurviveADrain,
  scaledObjectsWithinPartitions,
  scalerSettingsExist,
  lagTriggersAuthenticate,
  consumerGroupsNotShared,
  kafkaTopicsMatchContracts,
  alertRulesWellFormed,
];
