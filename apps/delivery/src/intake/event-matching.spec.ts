import { deliveryIdOf, matches, orderKeyOf } from './event-matching';

const event = { eventId: 'e1', leadId: 'lead-1', repId: 'ana', poolId: 'emea', grade: 'A' };

describe('which subscriptions an event goes to', () => {
  it('goes to subscriptions of its type only', () => {
    expect(matches({ eventTypes: ['lead.routed'], filters: {} }, 'lead.routed', event)).toBe(true);
    expect(matches({ eventTypes: ['lead.scored'], filters: {} }, 'lead.routed', event)).toBe(false);
  });

  it('passes only the filters it satisfies, and fails a filter on a field it does not carry', () => {
    const routed = (filters: object) => matches({ eventTypes: ['lead.routed'], filters }, 'lead.routed', event);
    expect(routed({ poolId: 'emea', grade: 'A' })).toBe(true);
    expect(routed({ poolId: 'amer' })).toBe(false);
    expect(routed({ teamId: 'team-1' })).toBe(false);
  });
});

describe('delivery ids', () => {
  it('are the same UUID for the same subscription and event, so a redelivered record enqueues nothing new', () => {
    const id = deliveryIdOf('5a0c2b1e-1111-4111-8111-111111111111', 'E7B7A2C4-2222-4222-8222-222222222222');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deliveryIdOf('5a0c2b1e-1111-4111-8111-111111111111', 'e7b7a2c4-2222-4222-8222-222222222222')).toBe(id);
  });

  it('differ per subscription for the same event', () => {
    expect(deliveryIdOf('s1', 'e1')).not.toBe(deliveryIdOf('s2', 'e1'));
  });
});

describe('delivery order', () => {
  it('orders lead events per lead and capacity events per rep', () => {
    expect(orderKeyOf(event)).toBe('lead:lead-1');
    expect(orderKeyOf({ eventId: 'e2', repId: 'ana' })).toBe('rep:ana');
  });
});
