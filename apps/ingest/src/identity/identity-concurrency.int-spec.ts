import { Logger } from '@nestjs/common';
import { TEST_DATABASE_URL, uniqueName } from '@handoff/testing';
import {
  useIdentityHarness,
  callContext as context,
  newAnonymousId as anonymousId,
  newEmail as email,
  newUserId as userId,
} from '../testing/identity-test.harness';

describe('IdentityResolver under concurrent calls (real PostgreSQL)', () => {
  const suite = useIdentityHarness(TEST_DATABASE_URL, uniqueName('ingest_test'));

  const leadCount = () => suite.harness.liveLeadCount();
  const outboxRows = () => suite.harness.outboxRows();
  const mergeEvents = () => suite.harness.mergeEvents();

  it('creates exactly one lead for 20 concurrent identifies of the same new person, by waiting, not retrying', async () => {
    const address = email();
    const user = userId();
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        suite.resolver.resolve({ anonymousId: anonymousId(), userId: user, email: address }, context('identify')),
      ),
    );

    expect(new Set(results.map((result) => result.leadId)).size).toBe(1);
    expect(await suite.dataSource.query('SELECT count(*)::int AS n FROM leads')).toEqual([{ n: 1 }]);
    expect(await outboxRows()).toEqual([]);
    // The key locks queue the identifies; without them the primary key would still refuse a second link, but
    // only after a losing transaction did its work and had to rerun.
    expect(warnings).not.toHaveBeenCalledWith(expect.objectContaining({ msg: 'identity resolution rerun' }));
    warnings.mockRestore();
  });

  it('merges 20 anonymous leads into one when they identify with the same email concurrently', async () => {
    const address = email();
    const visitors = Array.from({ length: 20 }, anonymousId);
    const anonymousLeads = await Promise.all(
      visitors.map((visitor) => suite.resolver.resolve({ anonymousId: visitor }, context())),
    );

    const results = await Promise.all(
      visitors.map((visitor) => suite.resolver.resolve({ anonymousId: visitor, email: address }, context('identify'))),
    );

    const survivor = (await suite.resolver.resolve({ email: address }, context())).leadId;
    expect(new Set(results.map((result) => result.leadId))).toEqual(new Set([survivor]));
    for (const visitor of visitors)
      expect((await suite.resolver.resolve({ anonymousId: visitor }, context())).leadId).toBe(survivor);
    const merged = (await mergeEvents()).map((event) => event.mergedLeadId).sort();
    expect(merged).toEqual(
      anonymousLeads
        .map((lead) => lead.leadId)
        .filter((id) => id !== survivor)
        .sort(),
    );
    expect(await leadCount()).toBe(1);
  });
  it('moves a key linked concurrently with a merge to the survivor, never leaving it on the merged lead', async () => {
    const people = Array.from({ length: 10 }, () => ({
      visitor: anonymousId(),
      user: userId(),
      address: email(),
      newAddress: email(),
    }));
    for (const person of people) {
      await suite.resolver.resolve({ email: person.address }, context());
      await suite.resolver.resolve({ anonymousId: person.visitor, userId: person.user }, context());
    }

    // Disjoint keys, so the key locks let each pair run together: the merge and the new link race on one lead.
    await Promise.all(
      people.flatMap((person) => [
        suite.resolver.resolve({ anonymousId: person.visitor, email: person.address }, context('identify')),
        suite.resolver.resolve({ userId: person.user, email: person.newAddress }, context('identify')),
      ]),
    );

    for (const person of people) {
      const survivor = (await suite.resolver.resolve({ email: person.address }, context())).leadId;
      expect((await suite.resolver.resolve({ email: person.newAddress }, context())).leadId).toBe(survivor);
    }
    expect(
      await suite.dataSource.query(
        `SELECT count(*)::int AS n FROM identity_links il JOIN leads l ON l.id = il.lead_id
           WHERE l.merged_into_lead_id IS NOT NULL`,
      ),
    ).toEqual([{ n: 0 }]);
    expect(await mergeEvents()).toHaveLength(people.length);
  });
});
