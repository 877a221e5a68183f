#!/usr/bin/env node
/*
 * Readiness probe for the local Kafka broker, used by scripts/infra/up.sh.
 *
 * An open TCP port only means the socket server is listening; a KRaft broker can
 * still be catching up on metadata, and the group coordinator (__consumer_offsets)
 * is only created on first use. The services use kafkajs with consumer groups, so
 * "ready" here means exactly what they need:
 *   1. create the throwaway topic __handoff_ready (if missing) and wait for its leader,
 *   2. join a consumer group on it (this creates __consumer_offsets on a fresh broker),
 *   3. produce one message with acks=all and consume that same message back.
 *
 * Env: KAFKA_BROKERS (default 127.0.0.1:9092, comma-separated),
 *      KAFKA_READY_TIMEOUT_MS (default 60000), KAFKA_READY_DEBUG=1 for kafkajs logs.
 * Exit codes: 0 ready, 1 not ready / error, 3 kafkajs is not installed
 * (up.sh then falls back to a plain TCP check).
 */
'use strict';

const EXIT_NOT_READY = 1;
const EXIT_NO_KAFKAJS = 3;

let kafkajs;
try {
  kafkajs = require('kafkajs');
} catch (err) {
  // Only "kafkajs itself is missing" means "fall back"; anything else is a real bug.
  if (err && err.code === 'MODULE_NOT_FOUND' && /'kafkajs'/.test(err.message)) {
    console.error('kafka-ready: kafkajs is not installed (run npm install at the repo root)');
    process.exit(EXIT_NO_KAFKAJS);
  }
  throw err;
}

const { Kafka, logLevel, Partitioners } = kafkajs;

const TOPIC = '__handoff_ready';
const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const timeoutMs = Number(process.env.KAFKA_READY_TIMEOUT_MS || 60000);
// A fresh group per run: a fixed group id would make the next probe wait for a
// previous, killed probe's member to time out of the group. We delete it afterwards.
const groupId = `${TOPIC}-${process.pid}-${Date.now()}`;
const nonce = `ready-${process.pid}-${Date.now()}`;

const kafka = new Kafka({
  clientId: 'handoff-kafka-ready',
  brokers,
  connectionTimeout: 3000,
  requestTimeout: 10000,
  // While the broker boots, kafkajs logs every retry at ERROR; keep the probe quiet.
  logLevel: process.env.KAFKA_READY_DEBUG ? logLevel.DEBUG : logLevel.NOTHING,
  retry: { initialRetryTime: 250, maxRetryTime: 2000, retries: 8 },
});

const admin = kafka.admin();
const producer = kafka.producer({
  allowAutoTopicCreation: false,
  createPartitioner: Partitioners.DefaultPartitioner,
});
const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, rebalanceTimeout: 10000 });

async function ensureTopic() {
  await admin.connect();
  // Returns false (no error) when the topic already exists.
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      {
        topic: TOPIC,
        numPartitions: 1,
        replicationFactor: 1,
        configEntries: [{ name: 'retention.ms', value: String(60 * 60 * 1000) }],
      },
    ],
  });
}

async function joinGroupAndAwaitNonce() {
  let onJoined;
  let onReceived;
  const joined = new Promise((resolve) => (onJoined = resolve));
  const received = new Promise((resolve) => (onReceived = resolve));

  consumer.on(consumer.events.GROUP_JOIN, () => onJoined());
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.value && message.value.toString() === nonce) onReceived();
    },
  });
  await joined;
  // Wrapped: an async function returning a bare promise would adopt it, i.e. wait
  // for the message before we have even produced it.
  return { received };
}

async function produceNonce() {
  await producer.connect();
  await producer.send({ topic: TOPIC, acks: -1, messages: [{ key: 'ready', value: nonce }] });
}

async function cleanup() {
  await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
  // Best effort: the group is empty after disconnect; don't leave probe groups behind.
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.disconnect().catch(() => undefined);
}

async function probe() {
  await ensureTopic();
  const { received } = await joinGroupAndAwaitNonce();
  await produceNonce();
  await received;
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not ready within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const started = Date.now();
  try {
    await withTimeout(probe(), timeoutMs);
  } catch (err) {
    console.error(`kafka-ready: ${brokers.join(',')} not ready: ${err.message}`);
    // Don't let a hung disconnect keep a failing probe alive.
    setTimeout(() => process.exit(EXIT_NOT_READY), 3000).unref();
    await cleanup();
    process.exit(EXIT_NOT_READY);
  }
  await cleanup();
  console.log(
    `kafka-ready: ${brokers.join(',')} ok (topic, group join, produce+consume) in ${Date.now() - started} ms`,
  );
  process.exit(0);
}

main();
