import { Webhook } from 'standardwebhooks';
import { isWebhookSecret, newWebhookSecret, webhookHeaders } from './webhook-signing';

const body = JSON.stringify({ eventId: '3f1c1d9e-0000-4000-8000-000000000001', leadId: 'lead-1' });

describe('webhook signing', () => {
  it('produces headers a Standard Webhooks receiver verifies', () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders('msg-1', new Date(), body, [secret]);
    expect(headers['webhook-id']).toBe('msg-1');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('signs with the new and the previous secret during a rotation, either one verifies', () => {
    const [previous, current] = [newWebhookSecret(), newWebhookSecret()];
    const headers = webhookHeaders('msg-2', new Date(), body, [current, previous]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(current).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
  });

  it('is refused once the body changed', () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders('msg-3', new Date(), body, [secret]);
    expect(() => new Webhook(secret).verify(`${body} `, { ...headers })).toThrow();
  });

  it('gives the timestamp in whole seconds', () => {
    const headers = webhookHeaders('msg-4', new Date('2026-12-06T20:00:00.900Z'), body, [newWebhookSecret()]);
    expect(headers['webhook-timestamp']).toBe(String(Date.parse('2026-12-06T20:00:00Z') / 1000));
  });

  it('accepts only whsec_ secrets of 24 to 64 bytes', () => {
    expect(isWebhookSecret(newWebhookSecret())).toBe(true);
    expect(isWebhookSecret(newWebhookSecret().slice(6))).toBe(false);
    expect(isWebhookSecret(`whsec_${Buffer.alloc(8).toString('base64')}`)).toBe(false);
    expect(isWebhookSecret('whsec_not base64!')).toBe(false);
  });
});
