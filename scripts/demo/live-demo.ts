// `npm run demo -- --live`: the four services run as built processes while the funnel simulator sends its buyers
// through them at a fixed rate and a terminal view shows, every second, what the platform made of them. Ctrl-C,
// SIGTERM or the end of `--duration` stop the simulator, the readers and the services (their consumer groups
// deleted and schemas dropped) and leave no process behind.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatLiveFrame,
  type HandoffStack,
  LIVE_TOPICS,
  LiveCounters,
  runFunnelSimulation,
  type SalesOrg,
  seedDirectory,
  seedQuotas,
  type SimulationSummary,
  simulatedSalesOrg,
  startHandoffStack,
  TopicReader,
  uniqueName,
} from '@handoff/testing';
import { expectStatus } from './demo-checks';
import { consoleInvitation, say } from './demo-output';
import type { LiveOptions } from './live-options';
import { LiveProbe } from './live-probe';
import { LiveTerminal } from './live-terminal';

type LiveStack = HandoffStack<'ingest' | 'scoring' | 'routing' | 'quota' | 'console'>;

const workspaceRoot = join(__dirname, '../..');

/**
 * The pools' SLA in the live view, in working minutes: the simulated sales side ignores one lead in ten, and with
 * the shipped 30 minutes nobody watching would see routing take those back and hand them to someone else.
 */
const LIVE_SLA_MINUTES = 1;

export async function runLiveDemo(options: LiveOptions): Promise<void> {
  const stopping = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping.signal.aborted) return;
    say(`\n${signal}: stopping the simulator, the readers and the services…`);
    stopping.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    say('Handoff live demo: starting ingest, scoring, routing, quota and the operator console…');
    // Routing looks for missed SLAs every second rather than every five, so reassignments show promptly.
    const stack = await startHandoffStack(workspaceRoot, ['ingest', 'scoring', 'routing', 'quota', 'console'], {
      routing: { ROUTING_REROUTE_INTERVAL_MS: '1000' },
    });
    try {
      // After Ctrl-C in a terminal the services got the signal too: what failed because they ended is no error.
      await watch(stack, options, stopping).catch((error: unknown) => {
        if (!stopping.signal.aborted) throw error;
      });
    } finally {
      await stack.stop();
      say('stopped: the services and the console exited, their consumer groups are deleted and their schemas dropped');
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Seeds the sales organisation, then runs the simulator under the live view until `stopping` aborts. */
async function watch(stack: LiveStack, options: LiveOptions, stopping: AbortController): Promise<void> {
  if (stopping.signal.aborted) return;
  const org = liveSalesOrg();
  const nameOf = (repId: string): string => org.reps.find((rep) => rep.id === repId)?.name ?? repId;
  await seedDirectory(stack.routing, org);
  const quarter = await seedQuotas(stack.quota, org);
  say(
    `seeded ${org.reps.length} reps in ${org.teams.length} teams (${nameOf(org.outOfOfficeRepId)} out of office), ` +
      `${org.accounts.length} accounts, ${quarter.id} quotas; SLA ${LIVE_SLA_MINUTES} working minute`,
  );
  const source = await stack.ingest.admin<{ id: string; writeKey: string }>('/admin/sources', { name: 'live demo' });
  expectStatus('creating the source', source.status, 201);
  const counters = new LiveCounters(source.body.id, `${stack.ingest.process.baseUrl}/`);
  const reader = await TopicReader.follow(LIVE_TOPICS, (record) => counters.add(record));
  try {
    if (stopping.signal.aborted) return;
    const { stop: _stop, console: consoleService, ...services } = stack;
    const invitation = consoleInvitation(consoleService.process.baseUrl);
    say(invitation);
    const probe = new LiveProbe(services, org, quarter.id);
    const startedAt = Date.now();
    const terminal = new LiveTerminal(async () => {
      const [attainment, consumers] = await Promise.all([probe.attainment(), probe.consumers()]);
      const snapshot = {
        elapsedSeconds: (Date.now() - startedAt) / 1000,
        ratePerSecond: options.ratePerSecond,
        durationSeconds: options.durationSeconds,
        funnel: counters.counts(),
        attainment,
        consumers,
      };
      return [invitation, '', ...formatLiveFrame(snapshot, { nameOf })];
    });
    const ending = options.durationSeconds
      ? setTimeout(() => stopping.abort(), options.durationSeconds * 1000)
      : undefined;
    const runId = uniqueName('live');
    const outDirectory = join(workspaceRoot, 'tmp/simulations');
    mkdirSync(outDirectory, { recursive: true });
    terminal.start();
    let summary: SimulationSummary;
    try {
      summary = await runFunnelSimulation({
        seed: options.seed,
        runId,
        ratePerSecond: options.ratePerSecond,
        // The run ends when `stopping` aborts, not after a number of messages.
        messages: Number.MAX_SAFE_INTEGER,
        ingestUrl: stack.ingest.process.baseUrl,
        writeKey: source.body.writeKey,
        sourceId: source.body.id,
        outPath: join(outDirectory, `${runId}.jsonl`),
        settleSeconds: 0,
        signal: stopping.signal,
      });
    } finally {
      clearTimeout(ending);
      await terminal.stop();
    }
    say(`sent ${summary.messages} messages for ${summary.leads} simulated people; run record ${summary.outPath}`);
  } finally {
    await reader.stop();
  }
}

/** The simulator's organisation (teams, 23 reps, one out of office, pools, accounts) with a short SLA. */
function liveSalesOrg(): SalesOrg {
  const org = simulatedSalesOrg();
  return { ...org, pools: org.pools.map((pool) => ({ ...pool, slaMinutes: LIVE_SLA_MINUTES })) };
}
