// `npm run simulate`: simulated buyers browse, identify and request demos through ingest's three interfaces at a
// fixed arrival rate, while simulated sales systems answer the leads routing assigns (README "Simulator").
// Runs against services already running (by default the local ones on ports 3000-3003).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  adminClient,
  expectedBooks,
  readRunRecord,
  runFunnelSimulation,
  seedDirectory,
  seedQuotas,
  simulatedSalesOrg,
} from '@handoff/testing';
import { type SimulateOptions, simulateOptions } from './simulate-options';

async function main(): Promise<void> {
  const options = simulateOptions(process.argv.slice(2));
  if (options.seedOrg) {
    const org = simulatedSalesOrg();
    await seedDirectory(adminClient(options.routingUrl, options.adminToken), org);
    const quarter = await seedQuotas(adminClient(options.quotaUrl, options.adminToken), org);
    console.log(`seeded ${org.reps.length} reps, ${org.accounts.length} accounts and ${quarter.id} quotas`);
  }
  const source = await sourceOf(options);
  mkdirSync(dirname(options.outPath), { recursive: true });
  console.log(`run ${options.runId}: ${options.messages} messages at ${options.ratePerSecond}/s, seed ${options.seed}`);
  const summary = await runFunnelSimulation({ ...options, ...source });
  const books = expectedBooks(readRunRecord(summary.outPath));
  console.log(`sent ${JSON.stringify(books.sent)}, acknowledged ${JSON.stringify(books.acknowledged)}`);
  console.log(
    `${summary.leads} leads, ${summary.routedLeads} routed; sales outcomes ${JSON.stringify(books.salesOutcomes)}`,
  );
  for (const [failure, count] of summary.failures) console.log(`  not acknowledged (${failure}): ${count}`);
  console.log(`record: ${summary.outPath}`);
}

/** The write key given, or a new source created through ingest's admin API. */
async function sourceOf(options: SimulateOptions): Promise<{ writeKey: string; sourceId?: string }> {
  if (options.writeKey) return { writeKey: options.writeKey, sourceId: options.sourceId };
  const answer = await adminClient(options.ingestUrl, options.adminToken).admin<{ id: string; writeKey: string }>(
    '/admin/sources',
    { name: `simulator ${options.runId}` },
  );
  if (answer.status !== 201)
    throw new Error(`creating an ingest source answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  console.log(`source ${answer.body.id} created for the run`);
  return { writeKey: answer.body.writeKey, sourceId: answer.body.id };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
