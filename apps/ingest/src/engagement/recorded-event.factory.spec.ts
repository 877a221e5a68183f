import { Topics, encodeEvent } from '@handoff/contracts';
import type { IncomingEngagement } from './incoming-engagement';
import { toRecordedEvent } from './recorded-event.factory';

const ATTRIBUTION = {
  sourceId: 'src_test',
  leadId: '6f1c1d7e-3f0a-4c55-9a55-2f3f5c1b9e11',
  correlationId: 'corr-1',
  receivedAt: '2026-12-01T10:00:00.000Z',
};
const KEEP_TAGS = { stripPlusTag: false };

function engagement(overrides: Partial<IncomingEngagement>): IncomingEngagement {
  return {
    messageId: 'm-1',
    type: 'form_submit',
    occurredAt: '2026-12-01T09:59:00.000Z',
    identity: { anonymousId: 'a-1' },
    properties: {},
    linksIdentities: false,
    ...overrides,
  };
}

const recorded = (overrides: Partial<IncomingEngagement>) =>
  toRecordedEvent(engagement(overrides), ATTRIBUTION, KEEP_TAGS);

describe('toRecordedEvent', () => {
  it('publishes no first or last name, email, phone or address of a profile, and keeps what fit scoring uses', () => {
    const event = recorded({
      profile: {
        email: 'Mary.Jackson@Example.com',
        firstName: 'Mary',
        lastName: 'Jackson',
        title: 'Engineer',
        company: 'NACA',
        traits: { phone: '+1 555 0100', mobile_number: '+1 555 0101', name: 'Mary Jackson', plan: 'pro' },
      },
    });

    expect(event.profile).toEqual({
      title: 'Engineer',
      company: 'NACA',
      emailDomain: 'example.com',
      traits: { plan: 'pro' },
    });
  });

  it('drops personal keys at any level of properties and keeps a page or product name', () => {
    const event = recorded({
      properties: {
        name: 'Pricing',
        'user.phone': '+1 555 0100',
        'user.plan': 'pro',
        form: { first_name: 'Mary', ip: '203.0.113.7', company: 'NACA' },
        ipAddress: '203.0.113.7',
      },
    });

    expect(event.properties).toEqual({ name: 'Pricing', 'user.plan': 'pro', form: { company: 'NACA' } });
  });

  it('masks emails in property keys like in values', () => {
    const event = recorded({ properties: { 'Mary.Jackson@Example.com': 'subscribed', note: 'mail mary@example.com' } });

    const published = JSON.stringify(event.properties);
    expect(published).not.toMatch(/mary/i);
    expect(Object.keys(event.properties)).toEqual([expect.stringMatching(/^<email:[0-9a-f]{12}>$/), 'note']);
  });

  it('publishes an email user id only as its digest token, and the event stays valid', () => {
    const event = recorded({ identity: { userId: 'mary@example.com' } });

    expect(event.identity.userId).toMatch(/^<email:[0-9a-f]{12}>$/);
    expect(() => encodeEvent(Topics.engagementRecorded, event)).not.toThrow();
  });
});
