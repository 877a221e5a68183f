/**
 * Lists, shows and replays dead letters (README "Dead-letter replay").
 *   npm run dlq -- list|show|replay --topic <topic or topic.dlq> [--offset <partition/offset>]... [--since <iso>]
 *     [--filter <text|class:text|message:text>] [--all] [--brokers host:port,...]
 */
import { parseArgs } from 'node:util';
import {
  type DeadLetter,
  type DeadLetterSelection,
  deadLetterTopicOf,
  KafkaClientFactory,
  positionOf,
  selectDeadLetters,
} from '@handoff/platform-kafka';
import { createMetricsRegistry } from '@handoff/platform-observability';
import { configuredBrokers, configuredKafkaSecurity } from '../lib/configured-brokers';

const COMMANDS = ['list', 'show', 'replay'] as const;
type Command = (typeof COMMANDS)[number];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    topic: { type: 'string' },
    offset: { type: 'string', multiple: true },
    since: { type: 'string' },
    filter: { type: 'string' },
    all: { type: 'boolean', default: false },
    brokers: { type: 'string', default: configuredBrokers().join(',') },
  },
});

function usage(problem: string): never {
  throw new Error(
    `${problem}\nusage: npm run dlq -- list|show|replay --topic <t> [--offset p/o] [--since iso] [--filter expr] [--all]`,
  );
}

function selectionOf(): DeadLetterSelection {
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime())) usage(`--since is not an ISO 8601 instant: ${values.since}`);
  return { positions: values.offset, since, filter: values.filter };
}

const hasCriteria = (selection: DeadLetterSelection) =>
  Boolean(selection.positions?.length || selection.since || selection.filter);

function summaryOf(letter: DeadLetter): string {
  const key = letter.record.key?.toString() ?? '(none)';
  const from = `${letter.originalTopic}/${letter.originalPartition}/${letter.originalOffset}`;
  return [
    positionOf(letter),
    `key=${key}`,
    `from=${from}`,
    letter.errorClass,
    `attempts=${letter.attempts}`,
    `failedAt=${letter.failedAt}`,
    JSON.stringify(letter.errorMessage),
  ].join('  ');
}

function detailOf(letter: DeadLetter): string {
  const text = letter.record.value?.toString() ?? null;
  let value: unknown = text;
  try {
    value = text === null ? null : JSON.parse(text);
  } catch {
    // Not JSON (why it was dead-lettered, perhaps): shown as text.
  }
  return JSON.stringify(
    { position: positionOf(letter), key: letter.record.key?.toString() ?? null, headers: letter.record.headers, value },
    null,
    2,
  );
}

async function main(): Promise<void> {
  const command = positionals[0] as Command;
  if (!COMMANDS.includes(command)) usage(`unknown command: ${positionals[0] ?? '(none)'}`);
  if (!values.topic) usage('--topic is required');
  const selection = selectionOf();
  if (command === 'show' && !selection.positions?.length) usage('show needs --offset');
  if (command === 'replay' && !hasCriteria(selection) && !values.all)
    usage('replay needs --offset, --since, --filter or --all');

  const client = new KafkaClientFactory(
    {
      clientId: 'handoff-dlq',
      brokers: values.brokers.split(','),
      logLevel: 'error',
      ...configuredKafkaSecurity(),
    },
    createMetricsRegistry('dlq'),
  );
  const producer = client.createProducer();
  const reader = client.createDeadLetterReader(producer);
  const dlqTopic = deadLetterTopicOf(values.topic);
  const chosen = selectDeadLetters(await reader.read(dlqTopic), selection);

  if (command === 'list') chosen.forEach((letter) => console.log(summaryOf(letter)));
  if (command === 'show') chosen.forEach((letter) => console.log(detailOf(letter)));
  if (command === 'replay') {
    await producer.connect();
    try {
      const replayed = await reader.replay(chosen);
      chosen.forEach((letter) => console.log(`replayed ${dlqTopic}/${positionOf(letter)} to ${letter.originalTopic}`));
      console.log(`${replayed} record(s) replayed`);
    } finally {
      await producer.disconnect();
    }
  }
  if (command !== 'replay') console.error(`${chosen.length} dead letter(s) in ${dlqTopic} selected`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
