import { randomUUID } from 'node:crypto';
import { exampleEvents, type LeadRoutedV1, Topics } from '@handoff/contracts';
import { createSource, ingestSender, waitFor, WebhookReceiver } from '@handoff/testing';
import { Webhook } from 'standardwebhooks';
import { type E2eRun, startE2eRun } from './support/e2e-run';

/** The ingest default the stack runs with: the contact vault's own secret, given to delivery on purpose. */
const CONTACT_TOKEN = 'local-contact-token-change-me';

let run: E2eRun<'ingest' | 'delivery'>;
let receiver: WebhookReceiver;

beforeAll(async () => {
  run = await startE2eRun(['ingest', 'delivery'], [], {
    delivery: {
      DELIVERY_CONTACT_TOKEN: CONTACT_TOKEN,
      DELIVERY_ALLOW_PRIVATE_TARGETS: 'true',
      DELIVERY_DISPATCH_INTERVAL_MS: '100',
    },
  });
  receiver = await WebhookReceiver.start();
}, 120_000);

afterAll(async () => {
  await receiver?.stop();
  await run?.stop();
});

/** Routing's event for the lead, as a sales system would receive it. */
async function route(leadId: string): Promise<void> {
  const routed: LeadRoutedV1 = exampleEvents.leadRouted({ eventId: randomUUID(), leadId, assignmentId: randomUUID() });
  await run.publish(Topics.leadRouted.name, leadId, routed);
}

/** The deliveries of lead.routed for the lead that reached the receiver, verified against the secret. */
function deliveredFor(leadId: string, secret: string): (LeadRoutedV1 & { contact?: Record<string, unknown> })[] {
  const webhook = new Webhook(secret);
  return receiver.received
    .map((request) => webhook.verify(request.body, request.headers as Record<string, string>))
    .filter((body): body is LeadRoutedV1 => (body as LeadRoutedV1).leadId === leadId);
}

describe('lead.routed webhooks with the lead’s contact details', () => {
  it('carry the contact from ingest’s vault, signed, and never once the lead’s personal data is erased', async () => {
    const email = `ada.${run.id}@example.com`;
    const send = ingestSender(run.stack.ingest, await createSource(run.stack.ingest, 'crm'));
    const answer = await send({
      type: 'form_submit',
      identity: { email },
      profile: { email, firstName: 'Ada', lastName: 'Lovelace' },
    });
    const leadId = answer.results[0]?.leadId as string;
    const subscription = await run.stack.delivery.admin<{ id: string; secret: string }>('/subscriptions', {
      url: receiver.url,
      eventTypes: ['lead.routed'],
      includeContact: true,
    });
    expect(subscription.status).toBe(201);
    const { secret } = subscription.body;

    await route(leadId);
    await waitFor('the first delivery', () => deliveredFor(leadId, secret).length === 1, { timeoutMs: 30_000 });
    expect(deliveredFor(leadId, secret)[0].contact).toMatchObject({ email, firstName: 'Ada', lastName: 'Lovelace' });

    const erased = await run.stack.ingest.admin(`/leads/${leadId}/personal-data`, undefined, 'DELETE');
    expect(erased.status).toBe(200);
    await route(leadId);
    await waitFor('the second delivery', () => deliveredFor(leadId, secret).length === 2, { timeoutMs: 30_000 });
    const [, afterErasure] = deliveredFor(leadId, secret);
    expect(afterErasure).toMatchObject({ leadId });
    expect(afterErasure).not.toHaveProperty('contact');
  });
});
