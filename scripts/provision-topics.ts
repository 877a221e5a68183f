/**
 * Creates every contract topic and its dead-letter topic on the broker; safe to run again.
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register scripts/provision-topics.ts \
 *     [--brokers=host:port,...] [--replication-factor=1] [--min-insync-replicas=1]
 * The brokers default to KAFKA_BROKERS, else the local broker.
 * In production: --replication-factor=3 --min-insync-replicas=2 (README "Resource bounds").
 */
import { ALL_TOPICS, DEAD_LETTER_TOPICS } from '@handoff/contracts';
import { KafkaClientFactory, topicSpecsOf } from '@handoff/platform-kafka';
import { createMetricsRegistry } from '@handoff/platform-observability';
import { configuredBrokers, configuredKafkaSecurity } from './lib/configured-brokers';

function argument(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

async function main(): Promise<void> {
  const brokers = argument('brokers', configuredBrokers().join(',')).split(',');
  const replicationFactor = Number(argument('replication-factor', '1'));
  const minInsyncReplicas = Number(argument('min-insync-replicas', '1'));
  const client = new KafkaClientFactory(
    { clientId: 'handoff-provision-topics', brokers, logLevel: 'warn', ...configuredKafkaSecurity() },
    createMetricsRegistry('provision-topics'),
  );
  const specs = topicSpecsOf(ALL_TOPICS, DEAD_LETTER_TOPICS);
  const created = await client.createProvisioner(replicationFactor, minInsyncReplicas).ensureTopics(specs);
  console.log(
    JSON.stringify({
      msg: 'topics provisioned',
      brokers,
      wanted: specs.length,
      created,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({
      msg: 'topic provisioning failed',
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  process.exitCode = 1;
});
