// `npm run demo`: an anonymous visitor becomes a sales-ready lead handed to a rep, end to end through the real
// services; then a won deal moves a rep's quota attainment and, through quota's capacity figures, routing's next
// decision. Ingest, scoring, routing and quota run as built processes against the local Kafka, PostgreSQL and
// Redis (scripts/demo.sh builds them and starts the infrastructure first). Exits 1 when the platform does not do
// what is shown. With `--live` it runs the funnel simulator under a live view instead (live-demo.ts).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Topics, type LeadQualifiedV1, type LeadRoutedV1 } from '@handoff/contracts';
import {
  assignmentsHere,
  type HandoffStack,
  ingestSender,
  leadAnswer,
  type IngestSender,
  scoreOnceSettled,
  startHandoffStack,
  TopicReader,
  TopicWriter,
} from '@handoff/testing';
import { check, expectStatus } from './demo-checks';
import { consoleInvitation, describeScore, printFactors, say, step } from './demo-output';
import { narrateRouting } from './routing-step';
import {
  attainmentOf,
  describeAttainment,
  dryRunPicks,
  nameOf,
  printLeaderboard,
  reportWin,
  seedQuotas,
} from './quota-step';
import { DEMO_COMPANY_DOMAIN, seedSalesOrg } from './sales-org';
import { runLiveDemo } from './live-demo';
import { liveOptions } from './live-options';

type DemoStack = HandoffStack<'ingest' | 'scoring' | 'routing' | 'quota' | 'console'>;

async function main(): Promise<void> {
  say('Handoff demo: an anonymous visitor becomes a sales-ready lead and is handed to a rep\n');
  const stack = await startHandoffStack(join(__dirname, '../..'), ['ingest', 'scoring', 'routing', 'quota', 'console']);
  say(
    `${consoleInvitation(stack.console.process.baseUrl)}\n  it stops with the demo; \`npm run demo -- --live\` keeps it open`,
  );
  const reader = await TopicReader.startAtEnd([
    Topics.leadQualified.name,
    Topics.leadScored.name,
    Topics.leadRouted.name,
    Topics.repCapacity.name,
  ]);
  try {
    await story(stack, reader);
  } finally {
    await reader.stop();
    await stack.stop();
  }
}

async function story(stack: DemoStack, reader: TopicReader): Promise<void> {
  const { ingest, scoring, routing } = stack;
  step(1, 'Marketing registers its website as a source and gets a write key');
  const source = await ingest.admin<{ id: string; writeKey: string }>('/admin/sources', { name: 'website' });
  expectStatus('creating the source', source.status, 201);
  const send = ingestSender(ingest, source.body.writeKey);
  say(`  source ${source.body.id}, write key ${source.body.writeKey.slice(0, 8)}…`);

  step(2, 'Sales operations describes its team to routing: reps, hours, pools, an account');
  for (const line of await seedSalesOrg(routing)) say(`  ${line}`);

  const visitor = `anon-${randomUUID().slice(0, 8)}`;
  step(3, `An anonymous visitor (${visitor}) reads pricing, downloads a whitepaper, attends a webinar`);
  const first = await send({ type: 'pricing_page_view', identity: { anonymousId: visitor } });
  const leadId = first.results[0].leadId as string;
  await send({ type: 'content_download', identity: { anonymousId: visitor }, properties: { asset: 'whitepaper' } });
  await send({ type: 'webinar_attended', identity: { anonymousId: visitor } });
  say(`  ingest tied all three to lead ${leadId}`);
  let score = await scoreOnceSettled(scoring, leadId, (view) => view.behaviour.topFactors.length === 3);
  say(`  ${describeScore(score)}: engaged, but no fit known yet, so not sales-ready`);

  step(4, 'The visitor fills a form: who they are and where they work');
  const form = {
    messageId: `form-${visitor}`,
    type: 'profile_update',
    identity: { anonymousId: visitor, email: `ada.${visitor}@${DEMO_COMPANY_DOMAIN}` },
    profile: {
      title: 'VP Sales',
      seniority: 'vp',
      company: 'Acme',
      industry: 'software',
      employeeCount: 300,
      country: 'DE',
    },
  };
  const identified = await send(form);
  check('the form lands on the same lead', identified.results[0].leadId === leadId);
  score = await scoreOnceSettled(scoring, leadId, (view) => view.fit.grade === 'A');
  say(`  ${describeScore(score)}: fit is known now (the email itself never leaves ingest, only its domain)`);

  step(5, 'The form tool retries the same message; someone sends a broken event');
  const retry = await send(form);
  check('a retry is acknowledged once more, as a duplicate', retry.duplicates === 1 && retry.accepted === 0);
  say(`  retry → ${retry.results[0].status} (acknowledged, not counted twice)`);
  const broken = await ingest.call<{ errors: Array<{ field: string; reasons: string[] }> }>('POST', '/v1/events', {
    body: { type: 'page_view', occurredAt: 'yesterday', identity: { anonymousId: visitor } },
    headers: { authorization: `Bearer ${source.body.writeKey}` },
  });
  expectStatus('a broken event', broken.status, 400);
  for (const error of broken.body.errors) say(`  400 → ${error.field}: ${error.reasons.join('; ')}`);

  step(6, 'The visitor requests a demo');
  await send({ type: 'demo_request', identity: { anonymousId: visitor } });
  score = await scoreOnceSettled(scoring, leadId, (view) => view.lifecycle.stage === 'mql');
  say(`  ${describeScore(score)}: behaviour ≥ 60 and grade ≥ B, so a marketing-qualified lead`);
  const [qualified] = await reader.waitForValues<LeadQualifiedV1>(
    Topics.leadQualified.name,
    (event) => event.leadId === leadId,
    1,
    30_000,
  );
  say(`  lead.qualified.v1 published: behaviour ${qualified.behaviourScore.toFixed(1)}, grade ${qualified.grade}`);
  say('  why, in the scoring model’s own words:');
  printFactors(score.behaviour.topFactors);

  step(7, 'Routing hands the lead to a rep');
  const assignedHere = assignmentsHere(ingest, leadId);
  const routed = await narrateRouting(reader, routing, assignedHere);

  step(8, `${routed.repName} accepts the lead (the sales system reports on sales.activity.v1)`);
  const accepted = leadAnswer(leadId, routed.event.repId, 'accepted');
  const writer = await TopicWriter.connect();
  try {
    await writer.write(Topics.salesActivity.name, {
      key: leadId,
      value: JSON.stringify(accepted),
    });
  } finally {
    await writer.disconnect();
  }
  say(`  sales.activity.v1: accepted by ${routed.event.repId}, the rep routing assigned`);
  score = await scoreOnceSettled(scoring, leadId, (view) => view.lifecycle.stage === 'sql');
  say(`  ${describeScore(score)}`);
  const qualifications = reader.values<LeadQualifiedV1>(Topics.leadQualified.name, (event) => event.leadId === leadId);
  const distinct = new Set(qualifications.map((event) => event.eventId)).size;
  check('the lead was qualified exactly once', distinct === 1);
  if (qualifications.length > distinct) {
    say(`  (the outbox relay delivered that event ${qualifications.length} times: at least once, same event id)`);
  }
  const assignments = reader.values<LeadRoutedV1>(Topics.leadRouted.name, assignedHere);
  check('the lead was routed once', new Set(assignments.map((event) => event.assignmentId)).size === 1);

  await quotaMovesRouting(stack, reader, send);
  say(
    '\nDone: one lead, scored and explained on every event, qualified once, routed with its reason, accepted; ' +
      'a won deal moved a rep’s attainment, and routing’s next decision with it.',
  );
}

/** Steps 9–12: quotas, a won deal, and the capacity-aware enterprise pool following quota's figures. */
async function quotaMovesRouting(
  { ingest, scoring, routing, quota }: DemoStack,
  reader: TopicReader,
  send: IngestSender,
): Promise<void> {
  step(9, 'Sales operations sets this quarter’s quotas; Kenji Sato already closed a deal');
  const quarter = await seedQuotas(quota);
  await reportWin(reader, 'kenji-sato', 'D-1001', 90_000);
  say(`  ${quarter}: €200,000 and 4 deals for each enterprise rep; Kenji’s €90,000 deal is on sales.activity.v1`);
  await printLeaderboard(quota, quarter);
  const before = await dryRunPicks(routing, 'lena-vogel');
  say(`  a dry run of the next large-company lead: ${before}`);

  step(10, 'Lena Vogel wins a €150,000 deal (the CRM reports it on sales.activity.v1)');
  const lenaBefore = await attainmentOf(quota, 'lena-vogel');
  await reportWin(reader, 'lena-vogel', 'D-1002', 150_000);
  const lenaAfter = await attainmentOf(quota, 'lena-vogel');
  check('the won deal raised Lena’s attainment by its amount', lenaAfter.attained - lenaBefore.attained === 150_000);
  say(`  Lena: ${describeAttainment(lenaBefore)} → ${describeAttainment(lenaAfter)}`);
  say('  quota published rep.capacity.v1 for Lena; routing reads it');
  await printLeaderboard(quota, quarter);
  await dryRunPicks(routing, 'kenji-sato');

  const visitor = `anon-${randomUUID().slice(0, 8)}`;
  step(11, `A buyer at Globex (5,000 people, ${visitor}) becomes sales-ready`);
  const leadId = await qualifyGlobexVisitor(send, visitor);
  await scoreOnceSettled(scoring, leadId, (view) => view.lifecycle.stage === 'mql');
  say(`  lead ${leadId} qualified`);

  step(12, 'Routing hands it to the enterprise pool, which follows quota’s figures');
  const routed = await narrateRouting(reader, routing, assignmentsHere(ingest, leadId));
  check('the next enterprise lead went to the rep now furthest behind pace', routed.event.repId === 'kenji-sato');
  say(`  before Lena’s win the same lead would have gone to ${nameOf('lena-vogel')}`);
}

/** A second visitor, at a company too large for the inbound pool, engages and fills the form. */
async function qualifyGlobexVisitor(send: IngestSender, visitor: string): Promise<string> {
  const first = await send({ type: 'pricing_page_view', identity: { anonymousId: visitor } });
  await send({ type: 'content_download', identity: { anonymousId: visitor }, properties: { asset: 'case-study' } });
  await send({ type: 'webinar_attended', identity: { anonymousId: visitor } });
  await send({
    type: 'profile_update',
    identity: { anonymousId: visitor, email: `sam.${visitor}@globex.example` },
    profile: {
      title: 'CRO',
      seniority: 'c_level',
      company: 'Globex',
      industry: 'software',
      employeeCount: 5000,
      country: 'US',
    },
  });
  await send({ type: 'demo_request', identity: { anonymousId: visitor } });
  return first.results[0].leadId as string;
}

async function demo(): Promise<void> {
  const live = liveOptions(process.argv.slice(2));
  return live ? runLiveDemo(live) : main();
}

demo().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
