import { randomUUID } from 'node:crypto';
import { emailHash } from '@handoff/domain-identity';
import { TEST_DATABASE_URL, uniqueName } from '@handoff/testing';
import { EmailIdsHashed1765100000000 } from './email-ids-hashed.migration';
import { useIdentityHarness, callContext as context, newEmail as email } from '../testing/identity-test.harness';

describe('ids that are email addresses (real PostgreSQL)', () => {
  const suite = useIdentityHarness(TEST_DATABASE_URL, uniqueName('ingest_test'));

  const storedLinks = (): Promise<{ kind: string; value: string; lead_id: string }[]> =>
    suite.dataSource.query('SELECT kind, value, lead_id FROM identity_links ORDER BY kind, value');

  it('stores a user id or anonymous id that is an email only as its digest', async () => {
    const address = email();
    await suite.resolver.resolve({ userId: address, anonymousId: address.toUpperCase() }, context('identify'));

    const links = await storedLinks();
    expect(links.map(({ kind, value }) => ({ kind, value }))).toEqual([
      { kind: 'anonymous', value: emailHash(address) },
      { kind: 'user', value: emailHash(address) },
    ]);
    expect(JSON.stringify(links)).not.toContain('@');
  });

  it('resolves every spelling of an email user id to one lead', async () => {
    const address = email();
    const first = await suite.resolver.resolve({ userId: address }, context());
    const again = await suite.resolver.resolve({ userId: ` ${address.toUpperCase()} ` }, context());

    expect(again.leadId).toBe(first.leadId);
  });

  it('keeps one lead for a person who sends the address as user id and as email, whichever comes alone later', async () => {
    const address = email();
    const both = await suite.resolver.resolve({ userId: address, email: address }, context('identify'));

    expect((await suite.resolver.resolve({ userId: address }, context())).leadId).toBe(both.leadId);
    expect((await suite.resolver.resolve({ email: address }, context())).leadId).toBe(both.leadId);
    expect(await suite.harness.liveLeadCount()).toBe(1);
  });

  it('hashes the clear email ids stored before, collapsing two spellings onto the lead linked first', async () => {
    const address = email();
    const [older, newer, other] = [randomUUID(), randomUUID(), randomUUID()];
    await suite.dataSource.query(
      `INSERT INTO leads (id, created_at) VALUES ($1, now() - interval '2 days'), ($2, now() - interval '1 day'), ($3, now())`,
      [older, newer, other],
    );
    await suite.dataSource.query(
      `INSERT INTO identity_links (kind, value, lead_id, created_at) VALUES
       ('user', $1, $2, now() - interval '2 days'), ('user', $3, $4, now() - interval '1 day'), ('user', 'u-plain', $5, now())`,
      [address, older, address.toUpperCase(), newer, other],
    );

    const runner = suite.dataSource.createQueryRunner();
    try {
      await new EmailIdsHashed1765100000000().up(runner);
      await new EmailIdsHashed1765100000000().up(runner);
    } finally {
      await runner.release();
    }

    expect(await storedLinks()).toEqual([
      { kind: 'user', value: emailHash(address), lead_id: older },
      { kind: 'user', value: 'u-plain', lead_id: other },
    ]);
    expect((await suite.resolver.resolve({ userId: address }, context())).leadId).toBe(older);
  });
});
