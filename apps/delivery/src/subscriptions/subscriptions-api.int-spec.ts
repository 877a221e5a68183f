import { dropSchema, uniqueName } from '@handoff/testing';
import { Webhook } from 'standardwebhooks';
import { type DeliveryTestApp, prepareDeliveryEnv, startDeliveryApp } from '../testing/delivery-test-app';

interface Subscription {
  id: string;
  url: string;
  eventTypes: string[];
  filters: Record<string, string>;
  status: string;
  secret?: string;
  previousSecretUntil?: string;
}

// A public address literal: accepted without DNS, which the test machine may not have.
const PUBLIC_URL = 'https://93.184.216.34/hooks/handoff';

describe('subscriptions API (production target rules: private targets not allowed)', () => {
  const schema = uniqueName('delivery_api');
  let service: DeliveryTestApp;

  beforeAll(async () => {
    prepareDeliveryEnv({ DATABASE_SCHEMA: schema, DELIVERY_ALLOW_PRIVATE_TARGETS: 'false' });
    service = await startDeliveryApp();
  });

  afterAll(async () => {
    await service?.stop();
    await dropSchema(schema);
  });

  const create = (body: object) => service.admin<Subscription>('POST', '/subscriptions', body);

  it('creates a subscription with a generated secret shown once, then never again', async () => {
    const created = await create({ url: PUBLIC_URL, eventTypes: ['lead.routed'], filters: { poolId: 'emea' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: PUBLIC_URL, eventTypes: ['lead.routed'], status: 'active' });
    expect(() => new Webhook(created.body.secret as string)).not.toThrow();
    const read = await service.admin<Subscription>('GET', `/subscriptions/${created.body.id}`);
    expect(read.body).toMatchObject({ id: created.body.id, filters: { poolId: 'emea' } });
    expect(read.body).not.toHaveProperty('secret');
    const listed = await service.admin<Subscription[]>('GET', '/subscriptions');
    expect(listed.body.map((subscription) => subscription.id)).toContain(created.body.id);
  });

  it('refuses contact details while the contact vault’s own secret is not configured, naming the field', async () => {
    const refused = await create({ url: PUBLIC_URL, eventTypes: ['lead.routed'], includeContact: true });

    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('includeContact needs DELIVERY_CONTACT_TOKEN');
    const plain = await create({ url: PUBLIC_URL, eventTypes: ['lead.routed'] });
    expect(plain.body).toMatchObject({ includeContact: false });
  });

  it('keeps a secret the caller chose', async () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect((await create({ url: PUBLIC_URL, eventTypes: ['lead.scored'], secret })).body.secret).toBe(secret);
  });

  it('answers 400 naming every failing field', async () => {
    const answer = await create({ url: 42, eventTypes: ['lead.deleted'], secret: 'plain', extra: true });
    expect(answer.status).toBe(400);
    const fields = (answer.body as unknown as { errors: { field: string }[] }).errors.map(({ field }) => field);
    expect(fields).toEqual(expect.arrayContaining(['url', 'eventTypes', 'secret', 'extra']));
  });

  it.each([
    ['plain http', 'http://93.184.216.34/hooks', /https/],
    ['a loopback address', 'https://127.0.0.1/hooks', /loopback/],
    ['an IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/hooks', /loopback/],
    ['a private address', 'https://10.0.0.8/hooks', /private/],
    ['the cloud metadata address', 'https://169.254.169.254/latest', /link-local/],
    ['a name that resolves to loopback', 'https://localhost:8443/hooks', /loopback/],
  ])('refuses %s as a target', async (_, url, reason) => {
    const answer = await create({ url, eventTypes: ['lead.routed'] });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ field: 'url', reasons: [expect.stringMatching(reason)] }] });
  });

  it('changes, pauses and deletes a subscription', async () => {
    const { id } = (await create({ url: PUBLIC_URL, eventTypes: ['lead.routed'] })).body;
    const patched = await service.admin<Subscription>('PATCH', `/subscriptions/${id}`, {
      eventTypes: ['lead.routed', 'rep.capacity'],
      status: 'paused',
    });
    expect(patched.body).toMatchObject({ eventTypes: ['lead.routed', 'rep.capacity'], status: 'paused' });
    expect((await service.admin('PATCH', `/subscriptions/${id}`, { url: 'https://10.1.1.1/x' })).status).toBe(400);
    expect((await service.admin('DELETE', `/subscriptions/${id}`)).status).toBe(204);
    expect((await service.admin('GET', `/subscriptions/${id}`)).status).toBe(404);
    expect((await service.admin('DELETE', `/subscriptions/${id}`)).status).toBe(404);
  });

  it('rotates the secret, keeping the previous one signing for the overlap', async () => {
    const created = (await create({ url: PUBLIC_URL, eventTypes: ['lead.routed'] })).body;
    const rotated = await service.admin<Subscription>('POST', `/subscriptions/${created.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect(Date.parse(rotated.body.previousSecretUntil as string)).toBeGreaterThan(Date.now());
  });

  it('asks for the admin token', async () => {
    expect((await service.call('GET', '/subscriptions')).status).toBe(401);
  });

  it('answers 404 for the log of an unknown subscription and 400 for an id that is not a UUID', async () => {
    expect((await service.admin('GET', '/subscriptions/6b1f8f0e-0000-4000-8000-000000000000/deliveries')).status).toBe(
      404,
    );
    expect((await service.admin('GET', '/deliveries/not-a-uuid')).status).toBe(400);
  });
});
