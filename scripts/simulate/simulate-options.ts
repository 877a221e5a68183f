import { parseArgs } from 'node:util';
import { DEFAULT_INTERFACE_MIX, INGEST_INTERFACES, type InterfaceMix } from '@handoff/testing';

/** The admin token every service uses on a developer machine (README "Configuration"). */
const LOCAL_ADMIN_TOKEN = 'local-admin-token-change-me';

export interface SimulateOptions {
  seed: number;
  runId: string;
  ratePerSecond: number;
  messages: number;
  outPath: string;
  ingestUrl: string;
  routingUrl: string;
  quotaUrl: string;
  adminToken: string;
  writeKey?: string;
  sourceId?: string;
  mix: InterfaceMix;
  seedOrg: boolean;
  settleSeconds: number;
  salesDelayScale: number;
}

/** `npm run simulate -- --seed 42 --rate 50 --duration 60 …`: every flag has a default for the local services. */
export function simulateOptions(argv: string[]): SimulateOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: '42' },
      'run-id': { type: 'string' },
      rate: { type: 'string', default: '50' },
      duration: { type: 'string', default: '60' },
      events: { type: 'string' },
      out: { type: 'string' },
      'ingest-url': { type: 'string', default: 'http://localhost:3000' },
      'routing-url': { type: 'string', default: 'http://localhost:3002' },
      'quota-url': { type: 'string', default: 'http://localhost:3003' },
      'admin-token': { type: 'string', default: LOCAL_ADMIN_TOKEN },
      'write-key': { type: 'string' },
      'source-id': { type: 'string' },
      mix: { type: 'string' },
      'no-seed-org': { type: 'boolean', default: false },
      settle: { type: 'string', default: '10' },
      'sales-delay-scale': { type: 'string', default: '1' },
    },
  });
  const seed = integer('seed', values.seed);
  const ratePerSecond = positive('rate', values.rate);
  const messages = values.events
    ? integer('events', values.events)
    : Math.round(ratePerSecond * positive('duration', values.duration));
  const runId = values['run-id'] ?? `sim${seed}-${Date.now().toString(36)}`;
  return {
    seed,
    runId,
    ratePerSecond,
    messages,
    outPath: values.out ?? `tmp/simulations/${runId}.jsonl`,
    ingestUrl: values['ingest-url'],
    routingUrl: values['routing-url'],
    quotaUrl: values['quota-url'],
    adminToken: values['admin-token'],
    writeKey: values['write-key'],
    sourceId: values['source-id'],
    mix: values.mix ? mixOf(values.mix) : DEFAULT_INTERFACE_MIX,
    seedOrg: !values['no-seed-org'],
    settleSeconds: nonNegative('settle', values.settle),
    salesDelayScale: positive('sales-delay-scale', values['sales-delay-scale']),
  };
}

/** `native=0.5,segment=0.3,kafka=0.2`; an interface left out gets no messages. */
function mixOf(text: string): InterfaceMix {
  const mix: InterfaceMix = { native: 0, segment: 0, kafka: 0 };
  for (const part of text.split(',')) {
    const [name, share] = part.split('=');
    if (!INGEST_INTERFACES.includes(name as keyof InterfaceMix)) {
      throw new Error(`--mix: unknown interface "${name}" (${INGEST_INTERFACES.join(', ')})`);
    }
    mix[name as keyof InterfaceMix] = nonNegative(`mix ${name}`, share);
  }
  if (Object.values(mix).every((share) => share === 0)) throw new Error('--mix: some interface needs a share above 0');
  return mix;
}

export function integer(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`--${name} must be an integer, got "${text}"`);
  return value;
}

export function positive(name: string, text: string): number {
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`--${name} must be a positive number, got "${text}"`);
  return value;
}

function nonNegative(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!(Number.isFinite(value) && value >= 0)) throw new Error(`--${name} must be 0 or more, got "${text}"`);
  return value;
}
