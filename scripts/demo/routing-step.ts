// The demo's routing step: the qualified lead is handed to a rep, and the demo tells who, why and by when,
// from lead.routed.v1 (what a sales system receives) and the directory records it names.
import { Topics, type LeadRoutedV1 } from '@handoff/contracts';
import type { RoutingPath } from '@handoff/shared-vocabulary';
import type { StackService, TopicReader } from '@handoff/testing';
import { expectStatus } from './demo-checks';
import { say } from './demo-output';

/** Routing consumes lead.qualified.v2 and publishes through its outbox: a few seconds, this is its upper bound. */
const ROUTING_TIMEOUT_MS = 30_000;

const VIA: Record<RoutingPath, string> = {
  account_owner: "the account's owner",
  owner_team: "the account owner's team",
  rule_pool: "the rule's pool",
  fallback_pool: 'the fallback pool',
  manual: 'a manager',
};

interface RepView {
  name: string;
  timeZone: string;
}

interface PoolView {
  slaMinutes: number;
  slaInBusinessHours: boolean;
}

export interface Routed {
  event: LeadRoutedV1;
  repName: string;
}

/** Waits for the lead's first assignment on lead.routed.v1 and narrates it; fails the run if none comes. */
export async function narrateRouting(
  reader: TopicReader,
  routing: StackService,
  ours: (event: LeadRoutedV1) => boolean,
): Promise<Routed> {
  const routed = await firstAssignment(reader, routing, ours);
  const rep = await directoryRecord<RepView>(routing, `/reps/${routed.repId}`);
  const pool = await directoryRecord<PoolView>(routing, `/pools/${routed.poolId}`);
  say(`  routed to ${rep.name} (${routed.poolId}, ${words(routed.strategy)}, via ${VIA[routed.path]})`);
  say(`    because ${lowerFirst(routed.reason)};`);
  say(`    accept within ${slaOf(pool, rep)} (due ${dueAt(routed.slaDueAt, rep.timeZone)})`);
  say('  the decision, as lead.routed.v1 carries it to the sales system:');
  for (const step of routed.decisionTrace.filter((item) => item.step !== 'decision')) {
    say(`    ${step.step} ${step.outcome}: ${step.detail ?? ''}`);
  }
  say(`  no personal data in it: the rep's sales system reads the contact from ingest, ${routed.contactUrl}`);
  return { event: routed, repName: rep.name };
}

async function firstAssignment(
  reader: TopicReader,
  routing: StackService,
  ours: (event: LeadRoutedV1) => boolean,
): Promise<LeadRoutedV1> {
  try {
    const [routed] = await reader.waitForValues<LeadRoutedV1>(Topics.leadRouted.name, ours, 1, ROUTING_TIMEOUT_MS);
    return routed;
  } catch (error) {
    // A lead nobody in its pool can take waits in the queue without a warning, so say that too.
    const log = routing.process.log() || '(no warnings: the lead may be queued, nobody in its pool eligible)';
    throw new Error(`demo failed: the lead was not routed: ${(error as Error).message}\nrouting's log: ${log}`);
  }
}

async function directoryRecord<T>(routing: StackService, path: string): Promise<T> {
  const answer = await routing.call<T>('GET', path);
  expectStatus(`GET ${path}`, answer.status, 200);
  return answer.body;
}

function slaOf(pool: PoolView, rep: RepView): string {
  return pool.slaInBusinessHours
    ? `${pool.slaMinutes} minutes of ${rep.name}'s working hours`
    : `${pool.slaMinutes} minutes`;
}

/** The deadline on the rep's own clock, with UTC beside it for everyone else. */
function dueAt(instant: string, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
  const utc = new Date(instant).toISOString().slice(0, 16).replace('T', ' ');
  return `${local} ${timeZone}, ${utc} UTC`;
}

const words = (identifier: string): string => identifier.replace(/_/g, ' ');
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
