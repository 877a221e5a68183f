import type { IIoK8sApiCoreV1Container } from 'kubernetes-models/v1/Container';
import type { IIoK8sApiCoreV1PodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IIoK8sApiCoreV1Probe } from 'kubernetes-models/v1/Probe';
import type { IIoK8sApiNetworkingV1HTTPIngressPath } from 'kubernetes-models/networking.k8s.io/v1/HTTPIngressPath';
import { READINESS_CHECK_TIMEOUT_MS } from '@handoff/platform-observability';
import type { Check } from './check';
import { describe, type Manifest, ofKind, podTemplates, selects } from './manifests';

const containersOf = (pod: IIoK8sApiCoreV1PodSpec | undefined): IIoK8sApiCoreV1Container[] => [
  ...(pod?.initContainers ?? []),
  ...(pod?.containers ?? []),
];

/** Every container of every Deployment and Job, named for messages. */
function containers(manifests: Manifest[], kinds = ['Deployment', 'Job']) {
  return podTemplates(manifests)
    .filter(({ owner }) => kinds.includes(owner.kind))
    .flatMap(({ owner, template }) =>
      containersOf(template.spec).map((container) => ({
        where: `${describe(owner)} container ${container.name}`,
        container,
        pod: template.spec,
      })),
    );
}

const PROBES = ['startupProbe', 'livenessProbe', 'readinessProbe'] as const;

/** A probe must outlast the slowest readiness check, or a slow dependency restarts pods instead of reading "down". */
export const probesOutlastReadinessChecks: Check = {
  name: 'every Deployment container has startup, liveness and readiness probes with timeouts above the readiness check timeout',
  problems: (manifests) =>
    containers(manifests, ['Deployment']).flatMap(({ where, container }) =>
      PROBES.flatMap((probe) => {
        const definition: IIoK8sApiCoreV1Probe | undefined = container[probe];
        if (!definition) return [`${where}: no ${probe}`];
        const timeoutMs = (definition.timeoutSeconds ?? 1) * 1000;
        return timeoutMs > READINESS_CHECK_TIMEOUT_MS
          ? []
          : [`${where}: ${probe} timeout ${timeoutMs} ms is not above ${READINESS_CHECK_TIMEOUT_MS} ms`];
      }),
    ),
};

export const resourcesBounded: Check = {
  name: 'every container requests and limits CPU and memory',
  problems: (manifests) =>
    containers(manifests).flatMap(({ where, container }) =>
      (['requests', 'limits'] as const).flatMap((bound) =>
        (['cpu', 'memory'] as const)
          .filter((resource) => container.resources?.[bound]?.[resource] === undefined)
          .map((resource) => `${where}: no ${resource} ${bound}`),
      ),
    ),
};

/** The Pod Security "restricted" profile, plus a read-only root filesystem with a writable /tmp. */
export const restrictedSecurityContext: Check = {
  name: 'every pod meets the Pod Security restricted profile with a read-only root filesystem',
  problems: (manifests) =>
    containers(manifests).flatMap(({ where, container, pod }) => {
      const security = container.securityContext ?? {};
      const seccomp = security.seccompProfile?.type ?? pod?.securityContext?.seccompProfile?.type;
      const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
      const tmpVolume = pod?.volumes?.find((volume) => volume.name === tmp?.name);
      const failures: [boolean, string][] = [
        [(security.runAsNonRoot ?? pod?.securityContext?.runAsNonRoot) !== true, 'runAsNonRoot is not true'],
        [seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost', 'no RuntimeDefault seccomp profile'],
        [security.privileged === true, 'runs privileged'],
        [security.allowPrivilegeEscalation !== false, 'allowPrivilegeEscalation is not false'],
        [!(security.capabilities?.drop ?? []).includes('ALL'), 'does not drop ALL capabilities'],
        [(security.capabilities?.add ?? []).length > 0, 'adds capabilities'],
        [security.readOnlyRootFilesystem !== true, 'root filesystem is writable'],
        [!tmpVolume?.emptyDir, '/tmp is not an emptyDir'],
      ];
      return failures.filter(([failed]) => failed).map(([, message]) => `${where}: ${message}`);
    }),
};

/** Each Deployment's pods reference only Secrets no other Deployment references (docs "Secrets and rotation"). */
export const secretsNotShared: Check = {
  name: 'no Secret is used by two Deployments',
  problems: (manifests) => {
    const users = new Map<string, Set<string>>();
    for (const deployment of ofKind(manifests, 'Deployment')) {
      for (const secret of secretsUsedBy(deployment.spec?.template?.spec)) {
        users.set(secret, (users.get(secret) ?? new Set()).add(deployment.metadata.name));
      }
    }
    return [...users]
      .filter(([, deployments]) => deployments.size > 1)
      .map(([secret, deployments]) => `Secret ${secret} is used by ${[...deployments].join(', ')}`);
  },
};

function secretsUsedBy(pod: IIoK8sApiCoreV1PodSpec | undefined): string[] {
  const fromContainers = containersOf(pod).flatMap((container) => [
    ...(container.envFrom ?? []).map((source) => source.secretRef?.name),
    ...(container.env ?? []).map((variable) => variable.valueFrom?.secretKeyRef?.name),
  ]);
  const fromVolumes = (pod?.volumes ?? []).flatMap((volume) => [
    volume.secret?.secretName,
    ...(volume.projected?.sources ?? []).map((source) => source.secret?.name),
  ]);
  return [...fromContainers, ...fromVolumes].filter((name): name is string => name !== undefined);
}

/**
 * ingest and whatever an Ingress routes to answer HTTP from the ingress controller: they keep serving while the
 * endpoints drop them, before SIGTERM.
 */
export const ingressBackendsDrainBeforeStop: Check = {
  name: 'ingest and every Deployment behind an Ingress have a preStop drain on each container',
  problems: (manifests) => {
    const deployments = ofKind(manifests, 'Deployment');
    const fronted = new Set(['ingest', ...ingressBackends(manifests).map((backend) => backend.metadata.name)]);
    return [...fronted].flatMap((name) => {
      const deployment = deployments.find((candidate) => candidate.metadata.name === name);
      if (!deployment) return [`Deployment/${name}: missing`];
      const containers: IIoK8sApiCoreV1Container[] = deployment.spec?.template?.spec?.containers ?? [];
      return containers
        .filter((container) => !container.lifecycle?.preStop)
        .map((container) => `${describe(deployment)}: no preStop drain on the ${container.name} container`);
    });
  },
};

/** The Deployments whose pods the Services named by Ingress backends select. */
function ingressBackends(manifests: Manifest[]): Manifest[] {
  const serviceNames = ofKind(manifests, 'Ingress').flatMap((ingress) => [
    ingress.spec?.defaultBackend?.service?.name,
    ...(ingress.spec?.rules ?? []).flatMap((rule: { http?: { paths?: IIoK8sApiNetworkingV1HTTPIngressPath[] } }) =>
      (rule.http?.paths ?? []).map((path) => path.backend.service?.name),
    ),
  ]);
  const services = ofKind(manifests, 'Service').filter((service) => serviceNames.includes(service.metadata.name));
  return ofKind(manifests, 'Deployment').filter((deployment) =>
    services.some((service) =>
      selects({ matchLabels: service.spec?.selector }, deployment.spec?.template?.metadata?.labels),
    ),
  );
}

/** Pods never get an API token they do not use. */
export const serviceAccountsWithoutToken: Check = {
  name: 'every Deployment runs as its own ServiceAccount without an automounted token',
  problems: (manifests) => {
    const accounts = new Map(ofKind(manifests, 'ServiceAccount').map((account) => [account.metadata.name, account]));
    return ofKind(manifests, 'Deployment').flatMap((deployment) => {
      const accountName: string | undefined = deployment.spec?.template?.spec?.serviceAccountName;
      const account = accountName === undefined ? undefined : accounts.get(accountName);
      if (!account) return [`${describe(deployment)}: no ServiceAccount of its own`];
      return account['automountServiceAccountToken'] === false
        ? []
        : [`ServiceAccount/${accountName}: automountServiceAccountToken is not false`];
    });
  },
};

/** Production images are immutable references: a tag other than `latest`, or a digest. */
export const imagesPinned: Check = {
  name: 'every image is pinned by a tag other than latest',
  overlays: ['prod'],
  problems: (manifests) =>
    containers(manifests)
      .filter(({ container }) => !isPinned(container.image ?? ''))
      .map(({ where, container }) => `${where}: image ${container.image} is not pinned`),
};

/** A digest, or a tag (after the last path segment's colon) other than `latest`. */
function isPinned(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const tag = /:([\w][\w.-]{0,127})$/.exec(image)?.[1];
  return tag !== undefined && tag !== 'latest';
}

export const WORKLOAD_CHECKS: readonly Check[] = [
  probesOutlastReadinessChecks,
  resourcesBounded,
  restrictedSecurityContext,
  secretsNotShared,
  ingressBackendsDrainBeforeStop,
  serviceAccountsWithoutToken,
  imagesPinned,
];
