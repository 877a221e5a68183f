import { ConfigMap, Namespace, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { PrometheusRule, ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { KafkaTopic } from '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2';
import { describe, type Manifest } from './manifests';

interface ValidatingModel {
  apiVersion: string;
  kind: string;
  new (data: never): { validate(): void };
}

/**
 * The kinds the manifests may contain, each with the model that validates it against the Kubernetes OpenAPI schema
 * or the operator's CRD schema (KEDA, Prometheus operator, Strimzi). A kind not listed here fails: a new kind
 * needs its schema first.
 */
const MODELS: readonly ValidatingModel[] = [
  ConfigMap,
  Namespace,
  Secret,
  Service,
  ServiceAccount,
  Deployment,
  Job,
  HorizontalPodAutoscaler,
  Ingress,
  NetworkPolicy,
  PodDisruptionBudget,
  ScaledObject,
  TriggerAuthentication,
  PrometheusRule,
  ServiceMonitor,
  KafkaTopic,
] as unknown as ValidatingModel[];

const modelsByType = new Map(MODELS.map((model) => [`${model.apiVersion}/${model.kind}`, model]));

/** Schema violations of one object: an unknown kind, or what the schema validator reports. */
export function schemaProblems(manifest: Manifest): string[] {
  const model = modelsByType.get(`${manifest.apiVersion}/${manifest.kind}`);
  if (!model) return [`${describe(manifest)}: unknown kind ${manifest.apiVersion} ${manifest.kind}`];
  try {
    new model(asApiServerReads(manifest) as never).validate();
    return [];
  } catch (error) {
    return [`${describe(manifest)}: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/**
 * kustomize wraps long base64 Secret values over several lines; the API server's base64 decoder skips line breaks,
 * the schema's `byte` format does not. Validate the values as the server reads them.
 */
function asApiServerReads(manifest: Manifest): Manifest {
  const data = manifest['data'];
  if (manifest.kind !== 'Secret' || typeof data !== 'object' || data === null) return manifest;
  const unwrapped = Object.entries(data).map(([key, value]) => [
    key,
    typeof value === 'string' ? value.replace(/\s+/g, '') : value,
  ]);
  return { ...manifest, data: Object.fromEntries(unwrapped) };
}
