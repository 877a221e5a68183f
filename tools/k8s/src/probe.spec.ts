import { Deployment } from 'kubernetes-models/apps/v1';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { KafkaTopic } from '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2';
it('loads', () => {
  expect(() => new Deployment({ metadata: { name: 'x' }, spec: { selector: {}, template: {}, replicas: 'a' as never } }).validate()).toThrow();
  console.log(typeof ScaledObject, typeof PrometheusRule, typeof KafkaTopic);
});
