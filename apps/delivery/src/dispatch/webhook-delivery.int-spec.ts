import { randomUUID } from 'node:crypto';
import { Topics } from '@handoff/contracts';
import { waitFor } from '@handoff/testing';
import { Webhook } from 'standardwebhooks';
import { DeliveryStreamTestBed } from '../testing/delivery-stream-test-bed';
import { type DeliveryTestApp, startDeliveryApp } from '../testing/delivery-test-app';
import { WebhookReceiver } from '@handoff/testing';

interface Delivery {
  id: string;
  eventId: string;
  status: string;
  attemptLog: { statusCode?: number; responseExcerpt?: string; latencyMs: number }[];
}

const SLOW = { timeoutMs: 40_000, intervalMs: 50 };

describe('webhooks from Kafka to real HTTP receivers', () => {
  const bed = new DeliveryStreamTestBed({ DELIVERY_CIRCUIT_FAILURES: '5', DELIVERY_CIRCUIT_PAUSE_MS: '300' });
  const receivers: WebhookReceiver[] = [];
  let service: DeliveryTestApp;

  beforeAll(async () => {
    await bed.start();
    service = await startDeliveryApp();
  });

  afterAll(async () => {
    await service?.stop();
    for (const receiver of receivers) await receiver.stop();
    await bed.stop();
  });

  /** A receiver subscribed to lead.routed of its own pool, so tests never see each other's events. */
  async function subscribedReceiver(
    poolId: string,
  ): Promise<{ receiver: WebhookReceiver; id: string; secret: string }> {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    const created = await service.admin<{ id: string; secret: string }>('POST', '/subscriptions', {
      url: receiver.url,
      eventTypes: ['lead.routed'],
      filters: { poolId },
    });
    expect(created.status).toBe(201);
    return { receiver, ...created.body };
  }

  const deliveryOf = async (id: string) => (await service.admin<Delivery>('GET', `/deliveries/${id}`)).body;

  it('delivers a lead.routed.v1 event once, signed so the receiver verifies it with standardwebhooks', async () => {
    const poolId = randomUUID();
    const { receiver, secret } = await subscribedReceiver(poolId);
    const event = bed.routed({ poolId });
    const marker = bed.routed({ poolId, leadId: event.leadId });
    // The same record twice (a redelivery), then a marker: once the marker arrived, the duplicate had its chance.
    await bed.publish(Topics.leadRouted, event, event, marker);
    await waitFor('the marker delivered', () => receiver.eventIds().includes(marker.eventId), SLOW);
    expect(receiver.eventIds()).toEqual([event.eventId, marker.eventId]);
    const [request] = receiver.received;
    const verified = new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
    expect(verified).toMatchObject({ eventId: event.eventId, leadId: event.leadId, poolId });
    const log = await service.admin<{ id: string }[]>('GET', `/leads/${event.leadId}/deliveries`);
    expect(log.body.map((delivery) => delivery.id)).toContain(request.headers['webhook-id']);
    const deliveredCount = async () =>
      /handoff_delivery_attempts_total\{[^}]*outcome="delivered"[^}]*\} ([0-9]+)/.exec(
        String((await service.call('GET', '/metrics')).body),
      )?.[1];
    await waitFor('the attempts counted', async () => Number(await deliveredCount()) >= 2);
  });

  it('retries a 500 with the same webhook-id and logs both attempts', async () => {
    const poolId = randomUUID();
    const { receiver } = await subscribedReceiver(poolId);
    receiver.answerNext({ status: 500, body: 'database down' });
    const event = bed.routed({ poolId });
    await bed.publish(Topics.leadRouted, event);
    await waitFor('a second attempt', () => receiver.received.length >= 2, SLOW);
    const [first, second] = receiver.received;
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    const id = first.headers['webhook-id'] as string;
    await waitFor('the delivery marked delivered', async () => (await deliveryOf(id)).status === 'delivered');
    const delivery = await deliveryOf(id);
    expect(delivery.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, 200]);
    expect(delivery.attemptLog[0].responseExcerpt).toBe('database down');
  });

  it('holds a down endpoint’s later events of a lead back, delivers them in order once it is back, and does not delay a healthy endpoint', async () => {
    const poolId = randomUUID();
    const down = await subscribedReceiver(poolId);
    const healthy = await subscribedReceiver(poolId);
    down.receiver.answerAlways({ status: 503, body: 'maintenance' });
    const [leadA, leadB] = [randomUUID(), randomUUID()];
    const events = [leadA, leadB, leadA, leadB, leadA].map((leadId) => bed.routed({ poolId, leadId }));
    await bed.publish(Topics.leadRouted, ...events);

    await waitFor('the healthy endpoint to get all five', () => healthy.receiver.eventIds().length === 5, SLOW);
    await waitFor('the down endpoint to be tried a few times', () => down.receiver.received.length >= 3, SLOW);
    // Only the head of each lead's queue was tried: later events of the same lead wait behind it.
    const heads = [events[0].eventId, events[1].eventId];
    expect(new Set(down.receiver.eventIds()).size).toBeLessThanOrEqual(2);
    expect(down.receiver.eventIds().every((eventId) => heads.includes(eventId))).toBe(true);

    down.receiver.answerAlways({ status: 200 });
    await waitFor(
      'the down endpoint to get all five',
      () => down.receiver.eventIds({ acceptedOnly: true }).length === 5,
      SLOW,
    );
    const accepted = down.receiver.eventIds({ acceptedOnly: true });
    const inOrder = (leadId: string) => events.filter((event) => event.leadId === leadId).map((event) => event.eventId);
    expect(accepted.filter((eventId) => inOrder(leadA).includes(eventId))).toEqual(inOrder(leadA));
    expect(accepted.filter((eventId) => inOrder(leadB).includes(eventId))).toEqual(inOrder(leadB));
  });

  it('keeps delivering to a healthy endpoint while a slow one takes its time', async () => {
    const poolId = randomUUID();
    const slow = await subscribedReceiver(poolId);
    const healthy = await subscribedReceiver(poolId);
    slow.receiver.answerAlways({ status: 200, delayMs: 1500 });
    const events = [1, 2, 3].map(() => bed.routed({ poolId }));
    await bed.publish(Topics.leadRouted, ...events);
    await waitFor('the healthy endpoint to get all three', () => healthy.receiver.eventIds().length === 3, SLOW);
    await waitFor('the slow endpoint to be reached', () => slow.receiver.received.length > 0, SLOW);
    const firstSlowAnswer = slow.receiver.received[0].receivedAt + 1500;
    expect(Math.max(...healthy.receiver.received.map((request) => request.receivedAt))).toBeLessThan(firstSlowAnswer);
    await waitFor('the slow endpoint to get all three', () => slow.receiver.eventIds().length === 3, SLOW);
  });

  it('disables a subscription whose endpoint answers 410, and a replay sends the dead delivery again once re-activated', async () => {
    const poolId = randomUUID();
    const { receiver, id } = await subscribedReceiver(poolId);
    receiver.answerNext({ status: 410, body: 'gone' });
    const event = bed.routed({ poolId });
    await bed.publish(Topics.leadRouted, event);
    const subscription = async () => (await service.admin<{ status: string }>('GET', `/subscriptions/${id}`)).body;
    await waitFor('the subscription disabled', async () => (await subscription()).status === 'disabled', SLOW);
    const webhookId = receiver.received[0].headers['webhook-id'] as string;
    expect(await deliveryOf(webhookId)).toMatchObject({ status: 'dead', attemptLog: [{ statusCode: 410 }] });

    const dead = await service.admin<{ id: string }[]>('GET', `/subscriptions/${id}/deliveries?status=dead`);
    expect(dead.body.map((delivery) => delivery.id)).toEqual([webhookId]);
    expect((await service.admin('PATCH', `/subscriptions/${id}`, { status: 'active' })).status).toBe(200);
    expect((await service.admin('POST', `/deliveries/${webhookId}/replay`)).status).toBe(202);
    await waitFor('the replayed delivery', async () => (await deliveryOf(webhookId)).status === 'delivered', SLOW);
    expect(receiver.received.map((request) => request.headers['webhook-id'])).toEqual([webhookId, webhookId]);
    expect((await service.admin('POST', `/deliveries/${webhookId}/replay`)).status).toBe(409);
  });

  it('pauses an endpoint after consecutive failures until its probe time, and closes the circuit on a success', async () => {
    const poolId = randomUUID();
    const { receiver, id } = await subscribedReceiver(poolId);
    receiver.answerAlways({ status: 500 });
    await bed.publish(Topics.leadRouted, bed.routed({ poolId }));
    await waitFor('a probe after the circuit opened', () => receiver.received.length >= 6, SLOW);
    const [fifth, sixth] = receiver.received.slice(4, 6);
    // DELIVERY_CIRCUIT_FAILURES=5, DELIVERY_CIRCUIT_PAUSE_MS=300: nothing is sent while the circuit is open.
    expect(sixth.receivedAt - fifth.receivedAt).toBeGreaterThanOrEqual(250);
    const subscription = async () =>
      (await service.admin<{ consecutiveFailures: number; circuitOpenUntil?: string }>('GET', `/subscriptions/${id}`))
        .body;
    expect((await subscription()).consecutiveFailures).toBeGreaterThanOrEqual(5);
    expect((await subscription()).circuitOpenUntil).toBeDefined();

    receiver.answerAlways({ status: 204 });
    await waitFor('the circuit closed', async () => (await subscription()).consecutiveFailures === 0, SLOW);
    expect((await subscription()).circuitOpenUntil).toBeUndefined();
  });
});
