import { type BatchItem, planBatchResolution } from './batch-resolution';
import { type IdentityKey, aliasKeys, aliasLookupKeys } from './identity-keys';
import type { ExistingLink, ResolutionTrigger } from './resolution-plan';

const anonymous = (value: string): IdentityKey => ({ kind: 'anonymous', value });
const user = (value: string): IdentityKey => ({ kind: 'user', value });
const email = (value: string): IdentityKey => ({ kind: 'email', value });

/** A creation time in microseconds, n days into 2026. */
const day = (n: number): number => Date.UTC(2026, 0, n) * 1000;
const stored = (key: IdentityKey, leadId: string, createdOn: number): ExistingLink => ({
  ...key,
  leadId,
  leadCreatedAtMicros: day(createdOn),
});

const event = (keys: IdentityKey[], trigger: ResolutionTrigger = 'event'): BatchItem => ({
  lookupKeys: keys,
  keysOf: () => keys,
  trigger,
});
const alias = (previousId: string, userId: string): BatchItem => ({
  lookupKeys: aliasLookupKeys(previousId, userId, { stripPlusTag: false }),
  keysOf: (links) => aliasKeys(previousId, userId, links, { stripPlusTag: false }),
  trigger: 'alias',
});

/** new-1, new-2, ... in creation order. */
function sequentialIds(): () => string {
  let next = 0;
  return () => `new-${++next}`;
}

const plan = (items: BatchItem[], links: ExistingLink[] = []) => planBatchResolution(items, links, sequentialIds());

describe('planBatchResolution', () => {
  it('creates one lead for a new visitor and gives their later events in the batch the same lead', () => {
    const batch = plan([event([anonymous('a1')]), event([anonymous('a1')]), event([anonymous('a2')])]);

    expect(batch.resolutions).toEqual([
      { leadId: 'new-1', mergedLeadIds: [] },
      { leadId: 'new-1', mergedLeadIds: [] },
      { leadId: 'new-2', mergedLeadIds: [] },
    ]);
    expect(batch.newLeads).toEqual([{ id: 'new-1' }, { id: 'new-2' }]);
    expect(batch.newLinks).toEqual([
      { ...anonymous('a1'), leadId: 'new-1' },
      { ...anonymous('a2'), leadId: 'new-2' },
    ]);
    expect(batch).toMatchObject({ merges: [], mergedStoredLeads: [], exclusiveLeadIds: [], sharedLeadIds: [] });
  });

  it('links a new key of a stored lead under a shared lock, and a known key alone needs no lock', () => {
    const links = [stored(anonymous('a1'), 'lead-a', 1), stored(anonymous('a2'), 'lead-b', 2)];

    const batch = plan([event([anonymous('a1'), email('e1')], 'identify'), event([anonymous('a2')])], links);

    expect(batch.resolutions.map((resolution) => resolution.leadId)).toEqual(['lead-a', 'lead-b']);
    expect(batch.newLinks).toEqual([{ ...email('e1'), leadId: 'lead-a' }]);
    expect(batch.newLeads).toEqual([]);
    expect(batch.sharedLeadIds).toEqual(['lead-a']);
    expect(batch.exclusiveLeadIds).toEqual([]);
  });

  it('merges a lead created earlier in the batch into the known stored lead, writing the new lead merged', () => {
    const links = [stored(email('e1'), 'lead-known', 5)];

    const batch = plan(
      [event([anonymous('a1')]), event([anonymous('a1'), email('e1')], 'identify'), event([anonymous('a1')])],
      links,
    );

    expect(batch.resolutions).toEqual([
      { leadId: 'new-1', mergedLeadIds: [] },
      { leadId: 'lead-known', mergedLeadIds: ['new-1'] },
      { leadId: 'lead-known', mergedLeadIds: [] },
    ]);
    expect(batch.newLeads).toEqual([{ id: 'new-1', mergedIntoLeadId: 'lead-known' }]);
    expect(batch.newLinks).toEqual([{ ...anonymous('a1'), leadId: 'lead-known' }]);
    expect(batch.merges).toEqual([
      { itemIndex: 1, survivingLeadId: 'lead-known', mergedLeadId: 'new-1', reason: 'identify' },
    ]);
    expect(batch.exclusiveLeadIds).toEqual(['lead-known']);
    expect(batch.mergedStoredLeads).toEqual([]);
  });

  it('keeps the older stored anonymous lead over an anonymous lead created in the batch', () => {
    const links = [stored(anonymous('a-old'), 'lead-old', 1)];

    const batch = plan([event([anonymous('a-new')]), event([anonymous('a-new'), anonymous('a-old')])], links);

    expect(batch.resolutions[1]).toEqual({ leadId: 'lead-old', mergedLeadIds: ['new-1'] });
  });

  it('ranks leads created in the batch by creation order, the first being the oldest', () => {
    const batch = plan([
      event([anonymous('a1')]),
      event([anonymous('a2')]),
      event([anonymous('a2'), anonymous('a1')], 'identify'),
    ]);

    expect(batch.resolutions[2]).toEqual({ leadId: 'new-1', mergedLeadIds: ['new-2'] });
  });

  it('sees a lead made known by an earlier item of the batch as known', () => {
    const links = [stored(anonymous('a-old'), 'lead-old', 1), stored(anonymous('a-young'), 'lead-young', 9)];

    const batch = plan(
      [event([anonymous('a-young'), user('u1')], 'identify'), event([anonymous('a-old'), anonymous('a-young')])],
      links,
    );

    expect(batch.resolutions[1]).toEqual({ leadId: 'lead-young', mergedLeadIds: ['lead-old'] });
    expect(batch.mergedStoredLeads).toEqual([{ id: 'lead-old', mergedIntoLeadId: 'lead-young' }]);
    // Linked to first (shared), then part of a merge: locked once, exclusively.
    expect(batch.exclusiveLeadIds.sort()).toEqual(['lead-old', 'lead-young']);
    expect(batch.sharedLeadIds).toEqual([]);
  });

  it('follows merges chained within the batch to the final survivor, one merge record per merge in order', () => {
    const links = [
      stored(anonymous('a1'), 'lead-a', 3),
      stored(email('e1'), 'lead-e', 2),
      stored(user('u1'), 'lead-u', 1),
    ];

    const batch = plan(
      [event([anonymous('a1'), email('e1')], 'identify'), event([email('e1'), user('u1'), anonymous('a9')])],
      links,
    );

    expect(batch.merges).toEqual([
      { itemIndex: 0, survivingLeadId: 'lead-e', mergedLeadId: 'lead-a', reason: 'identify' },
      { itemIndex: 1, survivingLeadId: 'lead-u', mergedLeadId: 'lead-e', reason: 'email_match' },
    ]);
    expect(batch.mergedStoredLeads.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'lead-a', mergedIntoLeadId: 'lead-u' },
      { id: 'lead-e', mergedIntoLeadId: 'lead-u' },
    ]);
    expect(batch.newLinks).toEqual([{ ...anonymous('a9'), leadId: 'lead-u' }]);
    expect(batch.resolutions.map((resolution) => resolution.leadId)).toEqual(['lead-e', 'lead-u']);
  });

  it('starts a lead with only the unlinked keys when the linked ones belong to another user (shared computer)', () => {
    const batch = plan([
      event([anonymous('device'), user('alice')], 'identify'),
      event([anonymous('device'), user('bob')], 'identify'),
      event([anonymous('device')]),
    ]);

    expect(batch.resolutions).toEqual([
      { leadId: 'new-1', mergedLeadIds: [] },
      { leadId: 'new-2', mergedLeadIds: [] },
      { leadId: 'new-1', mergedLeadIds: [] },
    ]);
    expect(batch.newLinks).toEqual([
      { ...anonymous('device'), leadId: 'new-1' },
      { ...user('alice'), leadId: 'new-1' },
      { ...user('bob'), leadId: 'new-2' },
    ]);
    expect(batch.merges).toEqual([]);
  });

  it('lets an alias read a previous id linked earlier in the batch as the kind it was linked as', () => {
    const batch = plan([event([user('old-user')]), event([user('new-user')]), alias('old-user', 'new-user')]);

    expect(batch.resolutions[2]).toEqual({ leadId: 'new-1', mergedLeadIds: ['new-2'] });
    expect(batch.newLinks.map((link) => [link.kind, link.value, link.leadId])).toEqual([
      ['user', 'old-user', 'new-1'],
      ['user', 'new-user', 'new-1'],
    ]);
    expect(batch.newLeads).toEqual([{ id: 'new-1' }, { id: 'new-2', mergedIntoLeadId: 'new-1' }]);
    expect(batch.merges).toEqual([{ itemIndex: 2, survivingLeadId: 'new-1', mergedLeadId: 'new-2', reason: 'alias' }]);
  });
});
