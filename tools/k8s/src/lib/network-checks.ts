import type { IIoK8sApiCoreV1Container } from 'kubernetes-models/v1/Container';
import type { IIoK8sApiNetworkingV1NetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { IIoK8sApiNetworkingV1NetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import type { Check } from './check';
import { configOf, describe, type Manifest, ofKind, selects } from './manifests';

/** An in-cluster HTTP call a setting makes: `http://<Service>:<port>…` naming a Service of the rendering. */
interface Call {
  setting: string;
  service: Manifest;
  port: number;
}

interface Rule {
  peers?: IIoK8sApiNetworkingV1NetworkPolicyPeer[];
  ports?: IIoK8sApiNetworkingV1NetworkPolicyPort[];
}

const podLabels = (deployment: Manifest): Record<string, string> => deployment.spec?.template?.metadata?.labels ?? {};
const containerPorts = (deployment: Manifest) =>
  (deployment.spec?.template?.spec?.containers ?? []).flatMap(
    (container: IIoK8sApiCoreV1Container) => container.ports ?? [],
  );

function callsOf(manifests: Manifest[], caller: Manifest): Call[] {
  const services = new Map(ofKind(manifests, 'Service').map((service) => [service.metadata.name, service]));
  return Object.entries(configOf(manifests, caller)).flatMap(([setting, value]) => {
    const url = /^(https?):\/\/([a-z0-9-]+)(?::(\d+))?(?:\/|$)/.exec(String(value));
    const service = url && services.get(url[2]);
    if (!url || !service) return [];
    return [{ setting, service, port: url[3] ? Number(url[3]) : url[1] === 'https' ? 443 : 80 }];
  });
}

/** The container port a Service port forwards to on one Deployment's pods (a named targetPort resolved). */
function containerPortOf(target: Manifest, targetPort: number | string | undefined): number | undefined {
  if (typeof targetPort === 'number') return targetPort;
  return containerPorts(target).find((port: { name?: string }) => port.name === targetPort)?.containerPort;
}

/** Whether a rule lets `peer`'s pods through on `port` of `target`'s pods; only same-namespace pod peers count. */
function admits(rule: Rule, peer: Manifest, target: Manifest, port: number): boolean {
  const peerMatches = (rule.peers ?? []).some(
    (candidate) => !candidate.namespaceSelector && selects(candidate.podSelector, podLabels(peer)),
  );
  const portMatches =
    rule.ports === undefined || rule.ports.some((allowed) => containerPortOf(target, allowed.port) === port);
  return peerMatches && portMatches;
}

function policiesOf(manifests: Manifest[], deployment: Manifest): Manifest[] {
  return ofKind(manifests, 'NetworkPolicy').filter((policy) =>
    selects(policy.spec?.podSelector, podLabels(deployment)),
  );
}

/**
 * Every `http://<Service>:<port>` setting (the console's CONSOLE_*_URL) points at a port the Service has, and both
 * NetworkPolicies let the call through: the caller's egress to the target's pods and the target's ingress from the
 * caller's, on the container port behind it. A policy that forgets either side fails only at run time, so here.
 */
export const inClusterCallsAllowed: Check = {
  name: "in-cluster HTTP settings name a Service port that both sides' NetworkPolicies allow",
  problems: (manifests) =>
    ofKind(manifests, 'Deployment').flatMap((caller) =>
      callsOf(manifests, caller).flatMap(({ setting, service, port }) => {
        const where = `${describe(caller)} ${setting}`;
        const servicePort = (service.spec?.ports ?? []).find((candidate: { port: number }) => candidate.port === port);
        if (!servicePort) return [`${where}: ${port} is not a port of ${describe(service)}`];
        const targets = ofKind(manifests, 'Deployment').filter((deployment) =>
          selects({ matchLabels: service.spec?.selector }, podLabels(deployment)),
        );
        return targets.flatMap((target) => {
          const containerPort = containerPortOf(target, servicePort.targetPort ?? port);
          if (containerPort === undefined)
            return [`${where}: ${describe(target)} has no port ${servicePort.targetPort}`];
          const egress = policiesOf(manifests, caller).some((policy) =>
            (policy.spec?.egress ?? []).some((rule: { to?: Rule['peers']; ports?: Rule['ports'] }) =>
              admits({ peers: rule.to, ports: rule.ports }, target, target, containerPort),
            ),
          );
          const ingress = policiesOf(manifests, target).some((policy) =>
            (policy.spec?.ingress ?? []).some((rule: { from?: Rule['peers']; ports?: Rule['ports'] }) =>
              admits({ peers: rule.from, ports: rule.ports }, caller, target, containerPort),
            ),
          );
          return [
            ...(egress ? [] : [`${where}: no egress to ${describe(target)} port ${containerPort}`]),
            ...(ingress ? [] : [`${where}: ${describe(target)} admits no ingress from it on port ${containerPort}`]),
          ];
        });
      }),
    ),
};

export const NETWORK_CHECKS: readonly Check[] = [inClusterCallsAllowed];
