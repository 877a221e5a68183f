import type { IdentityKey } from './identity-keys';
import { type ExistingLink, type ResolutionTrigger, planResolution } from './resolution-plan';

const anonymous = (value: string): IdentityKey => ({ kind: 'anonymous', value });
const user = (value: string): IdentityKey => ({ kind: 'user', value });
const email = (value: string): IdentityKey => ({ kind: 'email', value });

/** A creation time in microseconds, n days into 2026. */
const day = (n: number): number => Date.UTC(2026, 0, n) * 1000;
const link = (key: IdentityKey, leadId: string, leadCreatedAtMicros: number): ExistingLink => ({
  ...key,
  leadId,
  leadCreatedAtMicros,
});

describe('planResolution', () => {
  it('creates a lead when no key is linked yet', () => {
    expect(planResolution([anonymous('a1'), email('e1')], [], 'event')).toEqual({ kind: 'create' });
  });

  it('attaches to the one lead every key already points at, with nothing new to link', () => {
    const links = [link(anonymous('a1'), 'lead-a', day(1)), link(email('e1'), 'lead-a', day(1))];
    expect(planResolution([anonymous('a1'), email('e1')], links, 'identify')).toEqual({
      kind: 'attach',
      leadId: 'lead-a',
      newKeys: [],
    });
  });

  it('attaches to the linked lead and links the keys it does not have yet', () => {
    const links = [link(anonymous('a1'), 'lead-a', day(1))];
    expect(planResolution([anonymous('a1'), user('u1'), email('e1')], links, 'identify')).toEqual({
      kind: 'attach',
      leadId: 'lead-a',
      newKeys: [user('u1'), email('e1')],
    });
  });

  it('merges an anonymous-only lead into the known lead even when the anonymous one is older', () => {
    const links = [link(anonymous('a1'), 'lead-anon', day(1)), link(email('e1'), 'lead-known', day(5))];
    expect(planResolution([anonymous('a1'), email('e1')], links, 'identify')).toEqual({
      kind: 'merge',
      survivingLeadId: 'lead-known',
      mergedLeadIds: ['lead-anon'],
      newKeys: [],
      reason: 'identify',
    });
  });

  it('counts a user id link as known, like an email link', () => {
    const links = [link(anonymous('a1'), 'lead-anon', day(1)), link(user('u1'), 'lead-user', day(5))];
    const plan = planResolution([anonymous('a1'), user('u1')], links, 'identify');
    expect(plan).toMatchObject({ kind: 'merge', survivingLeadId: 'lead-user', mergedLeadIds: ['lead-anon'] });
  });

  it('sees a lead as known from its other links, not only from the keys being resolved', () => {
    const links = [
      link(anonymous('a1'), 'lead-old', day(1)),
      link(anonymous('a2'), 'lead-new', day(5)),
      link(email('e-other'), 'lead-new', day(5)),
    ];
    const plan = planResolution([anonymous('a1'), anonymous('a2')], links, 'event');
    expect(plan).toMatchObject({ kind: 'merge', survivingLeadId: 'lead-new', mergedLeadIds: ['lead-old'] });
  });

  it('keeps the oldest lead when both are known', () => {
    const links = [link(user('u1'), 'lead-young', day(9)), link(email('e1'), 'lead-old', day(2))];
    const plan = planResolution([user('u1'), email('e1')], links, 'identify');
    expect(plan).toMatchObject({ survivingLeadId: 'lead-old', mergedLeadIds: ['lead-young'] });
  });

  it('keeps the oldest lead when all are anonymous', () => {
    const links = [link(anonymous('a1'), 'lead-young', day(9)), link(anonymous('a2'), 'lead-old', day(2))];
    const plan = planResolution([anonymous('a1'), anonymous('a2')], links, 'alias');
    expect(plan).toMatchObject({ survivingLeadId: 'lead-old', mergedLeadIds: ['lead-young'] });
  });

  it('breaks a creation-time tie by the smaller lead id', () => {
    const links = [link(email('e1'), 'lead-b', day(3)), link(user('u1'), 'lead-a', day(3))];
    const plan = planResolution([email('e1'), user('u1')], links, 'identify');
    expect(plan).toMatchObject({ survivingLeadId: 'lead-a', mergedLeadIds: ['lead-b'] });
  });

  it('picks the same survivor whatever the order of keys and links', () => {
    const keys = [anonymous('a1'), user('u1'), email('e1')];
    const links = [
      link(anonymous('a1'), 'lead-1', day(1)),
      link(user('u1'), 'lead-2', day(4)),
      link(email('e1'), 'lead-3', day(2)),
    ];
    const expected = planResolution(keys, links, 'identify');
    expect(expected).toMatchObject({ survivingLeadId: 'lead-3', mergedLeadIds: ['lead-2', 'lead-1'] });
    for (const [shuffledKeys, shuffledLinks] of [
      [[...keys].reverse(), [...links].reverse()],
      [
        [keys[1], keys[2], keys[0]],
        [links[2], links[0], links[1]],
      ],
    ] as const) {
      expect(planResolution(shuffledKeys, shuffledLinks, 'identify')).toEqual(expected);
    }
  });

  it('merges every lead the keys point at and links the keys that are new', () => {
    const links = [link(anonymous('a1'), 'lead-1', day(1)), link(email('e1'), 'lead-2', day(2))];
    expect(planResolution([anonymous('a1'), user('u1'), email('e1')], links, 'identify')).toEqual({
      kind: 'merge',
      survivingLeadId: 'lead-2',
      mergedLeadIds: ['lead-1'],
      newKeys: [user('u1')],
      reason: 'identify',
    });
  });

  it('ignores links of the same leads that are not among the keys when deciding what to merge', () => {
    const links = [link(anonymous('a1'), 'lead-1', day(1)), link(email('e-other'), 'lead-1', day(1))];
    expect(planResolution([anonymous('a1')], links, 'event')).toEqual({
      kind: 'attach',
      leadId: 'lead-1',
      newKeys: [],
    });
  });

  it('keeps the older of two leads created a microsecond apart, as one statement creates them', () => {
    const links = [link(user('u1'), 'lead-z-first', day(1)), link(email('e1'), 'lead-a-second', day(1) + 1)];
    expect(planResolution([user('u1'), email('e1')], links, 'identify')).toMatchObject({
      survivingLeadId: 'lead-z-first',
    });
  });

  it('lists a key given twice once among the new keys', () => {
    expect(
      planResolution([anonymous('a1'), anonymous('a1'), user('u1')], [link(user('u1'), 'l', day(1))], 'alias'),
    ).toEqual({
      kind: 'attach',
      leadId: 'l',
      newKeys: [anonymous('a1')],
    });
  });

  it.each<[ResolutionTrigger, IdentityKey[], string]>([
    ['identify', [anonymous('a1'), email('e1')], 'identify'],
    ['alias', [anonymous('a1'), email('e1')], 'alias'],
    ['event', [anonymous('a1'), email('e1')], 'email_match'],
    ['event', [anonymous('a1'), user('u1')], 'identify'],
  ])('gives a %s call joining %j the merge reason %s', (trigger, keys, reason) => {
    const links = keys.map((key, index) => link(key, `lead-${index}`, day(index + 1)));
    expect(planResolution(keys, links, trigger)).toMatchObject({ kind: 'merge', reason });
  });
});

describe('planResolution never joins two people with different user ids', () => {
  it('sends an identify on a shared computer to the named user’s lead and merges nothing', () => {
    const links = [
      link(anonymous('device-1'), 'lead-alice', day(1)),
      link(user('alice'), 'lead-alice', day(1)),
      link(user('bob'), 'lead-bob', day(3)),
    ];

    expect(planResolution([anonymous('device-1'), user('bob')], links, 'identify')).toEqual({
      kind: 'attach',
      leadId: 'lead-bob',
      newKeys: [],
    });
  });

  it('starts a new lead for a user id seen for the first time on a device another user owns', () => {
    const links = [link(anonymous('device-1'), 'lead-alice', day(1)), link(user('alice'), 'lead-alice', day(1))];

    expect(planResolution([anonymous('device-1'), user('bob'), email('bob@b.example')], links, 'identify')).toEqual({
      kind: 'create',
    });
  });

  it('still merges the anonymous and email-only leads that can be the named user', () => {
    const links = [
      link(anonymous('device-1'), 'lead-anon', day(1)),
      link(email('bob@b.example'), 'lead-email', day(2)),
      link(user('alice'), 'lead-alice', day(1)),
      link(anonymous('device-2'), 'lead-alice', day(1)),
    ];

    const plan = planResolution(
      [anonymous('device-1'), anonymous('device-2'), email('bob@b.example'), user('bob')],
      links,
      'identify',
    );

    expect(plan).toEqual({
      kind: 'merge',
      survivingLeadId: 'lead-email',
      mergedLeadIds: ['lead-anon'],
      newKeys: [user('bob')],
      reason: 'identify',
    });
  });

  it('joins nothing across two users when an event names none: the best-ranked lead takes it', () => {
    const links = [
      link(anonymous('device-1'), 'lead-alice', day(1)),
      link(user('alice'), 'lead-alice', day(1)),
      link(email('bob@b.example'), 'lead-bob', day(2)),
      link(user('bob'), 'lead-bob', day(2)),
    ];

    expect(planResolution([anonymous('device-1'), email('bob@b.example')], links, 'event')).toEqual({
      kind: 'attach',
      leadId: 'lead-alice',
      newKeys: [],
    });
  });

  it('treats a lead holding an aliased second user id as the same person as either id', () => {
    const links = [
      link(user('alice'), 'lead-alice', day(1)),
      link(user('alice-crm-7'), 'lead-alice', day(1)),
      link(anonymous('device-1'), 'lead-anon', day(2)),
    ];

    expect(planResolution([anonymous('device-1'), user('alice-crm-7')], links, 'identify')).toMatchObject({
      kind: 'merge',
      survivingLeadId: 'lead-alice',
      mergedLeadIds: ['lead-anon'],
    });
  });

  it('lets an alias join two user ids, because an alias says they are one person', () => {
    const links = [link(user('alice'), 'lead-alice', day(1)), link(user('alice-crm-7'), 'lead-crm', day(2))];

    expect(planResolution([user('alice'), user('alice-crm-7')], links, 'alias')).toMatchObject({
      kind: 'merge',
      survivingLeadId: 'lead-alice',
      mergedLeadIds: ['lead-crm'],
      reason: 'alias',
    });
  });
});
