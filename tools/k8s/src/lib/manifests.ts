import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { IIoK8sApiCoreV1PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IIoK8sApimachineryPkgApisMetaV1ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';

export const WORKSPACE_ROOT = join(__dirname, '../../../..');
export const OVERLAYS = ['dev', 'prod'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** One rendered Kubernetes object; checks read the fields they need and leave the rest to the schema validation. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: IIoK8sApimachineryPkgApisMetaV1ObjectMeta & { name: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own spec; checks narrow it
  spec?: any;
  [field: string]: unknown;
}

/** Builds an overlay exactly as `kubectl apply -k` would, with the real kustomize built into kubectl. */
export function renderOverlay(overlay: Overlay): Manifest[] {
  const output = execFileSync('kubectl', ['kustomize', join(WORKSPACE_ROOT, 'k8s/overlays', overlay)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return parseManifests(output);
}

/** Parses a multi-document YAML stream, failing on the first syntax error rather than skipping a document. */
export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw document.errors[0];
    return document.toJS() as Manifest;
  });
}

export const ofKind = (manifests: Manifest[], kind: string): Manifest[] =>
  manifests.filter((manifest) => manifest.kind === kind);

/** Objects that run pods, with their pod template: what the workload checks look at. */
export function podTemplates(manifests: Manifest[]): { owner: Manifest; template: IIoK8sApiCoreV1PodTemplateSpec }[] {
  return manifests
    .filter((manifest) => manifest.kind === 'Deployment' || manifest.kind === 'Job')
    .map((owner) => ({ owner, template: owner.spec?.template ?? {} }));
}

/** The settings a Deployment's containers load from ConfigMaps with envFrom, merged. */
export function configOf(manifests: Manifest[], deployment: Manifest): Record<string, string> {
  const configMapNames: string[] = (deployment.spec?.template?.spec?.containers ?? []).flatMap(
    (container: { envFrom?: { configMapRef?: { name: string } }[] }) =>
      (container.envFrom ?? []).map((source) => source.configMapRef?.name).filter(Boolean),
  );
  const configMaps = ofKind(manifests, 'ConfigMap').filter((configMap) =>
    configMapNames.includes(configMap.metadata.name),
  );
  return Object.assign({}, ...configMaps.map((configMap) => (configMap['data'] as Record<string, string>) ?? {}));
}

export const describe = (manifest: Manifest): string => `${manifest.kind}/${manifest.metadata.name}`;

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Whether a label selector selects the given labels (an empty selector counts as selecting nothing here). */
export function selects(selector: LabelSelector | undefined, labels: Record<string, string> = {}): boolean {
  const required = Object.entries(selector?.matchLabels ?? {});
  const expressions = selector?.matchExpressions ?? [];
  if (required.length === 0 && expressions.length === 0) return false;
  return (
    required.every(([key, value]) => labels[key] === value) &&
    expressions.every((expression) => meets(expression, labels))
  );
}

function meets(
  expression: NonNullable<LabelSelector['matchExpressions']>[number],
  labels: Record<string, string>,
): boolean {
  const value = labels[expression.key];
  switch (expression.operator) {
    case 'In':
      return value !== undefined && (expression.values ?? []).includes(value);
    case 'NotIn':
      return value === undefined || !(expression.values ?? []).includes(value);
    case 'Exists':
      return value !== undefined;
    default:
      return value === undefined;
  }
}
