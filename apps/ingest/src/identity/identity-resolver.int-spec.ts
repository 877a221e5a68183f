import { Topics, decodeEventJson } from '@handoff/contracts';
import { emailHash } from '@handoff/domain-identity';
import { Outbox } from '@handoff/platform-database';
import { EVENT_ID_HEADER } from '@handoff/platform-kafka';
import { CORRELATION_ID_HEADER } from '@handoff/platform-observability';
import { TEST_DATABASE_URL, uniqueName } from '@handoff/testing';
import { IngestConfig } from '../app/ingest.config';
import { IdentityResolver } from './identity-resolver.service';
import { IdentityStore } from './identity.store';
import {
  useIdentityHarness,
  OCCURRED_AT,
  aliasCallContext as aliasContext,
  callContext as context,
  newAnonymousId as anonymousId,
  newEmail as email,
  newUserId as userId,
} from '../testing/identity-test.harness';

describe('IdentityResolver (real PostgreSQL)', () => {
  const suite = useIdentityHarness(TEST_DATABASE_URL, uniqueName('ingest_test'));

  const leadCount = () => suite.harness.liveLeadCount();
  const outboxRows = () => suite.harness.outboxRows();
  const mergeEvents = () => suite.harness.mergeEvents();

  describe('anonymous visitors', () => {
    it('gives a new anonymous visitor a new lead and the same lead on every later event', async () => {
      const visitor = anonymousId();
      const first = await suite.resolver.resolve({ anonymousId: visitor }, context());
      const again = await suite.resolver.resolve({ anonymousId: visitor }, context());
      const other = await suite.resolver.resolve({ anonymousId: anonymousId() }, context());

      expect(first).toEqual({ leadId: expect.any(String), mergedLeadIds: [] });
      expect(again).toEqual(first);
      expect(other.leadId).not.toBe(first.leadId);
      expect(await leadCount()).toBe(2);
      expect(await outboxRows()).toEqual([]);
    });
  });

  describe('identify', () => {
    it('merges the anonymous lead into the lead the email already had and writes one valid lead.merged.v1', async () => {
      const visitor = anonymousId();
      const address = email();
      const anonymousLead = await suite.resolver.resolve({ anonymousId: visitor }, context());
      const knownLead = await suite.resolver.resolve({ email: address }, context());
      const identifyContext = context('identify');

      const identified = await suite.resolver.resolve({ anonymousId: visitor, email: address }, identifyContext);

      expect(identified).toEqual({ leadId: knownLead.leadId, mergedLeadIds: [anonymousLead.leadId] });
      expect(await suite.resolver.resolve({ anonymousId: visitor }, context())).toEqual({
        leadId: knownLead.leadId,
        mergedLeadIds: [],
      });
      expect(await leadCount()).toBe(1);
      const rows = await outboxRows();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ topic: 'lead.merged.v1', message_key: knownLead.leadId });
      const event = decodeEventJson(Topics.leadMerged, rows[0].payload);
      expect(event).toMatchObject({
        survivingLeadId: knownLead.leadId,
        mergedLeadId: anonymousLead.leadId,
        reason: 'identify',
        correlationId: identifyContext.correlationId,
        occurredAt: OCCURRED_AT,
        schemaVersion: 1,
      });
      expect(rows[0].headers).toMatchObject({
        [CORRELATION_ID_HEADER]: identifyContext.correlationId,
        [EVENT_ID_HEADER]: event.eventId,
      });
      const [merge] = await suite.dataSource.query('SELECT * FROM lead_merges');
      expect(merge).toMatchObject({
        event_id: event.eventId,
        merged_lead_id: anonymousLead.leadId,
        reason: 'identify',
      });
    });

    it('links the email to the anonymous lead without a merge when the email had no lead', async () => {
      const visitor = anonymousId();
      const address = email();
      const anonymousLead = await suite.resolver.resolve({ anonymousId: visitor }, context());

      const identified = await suite.resolver.resolve({ anonymousId: visitor, email: address }, context('identify'));

      expect(identified).toEqual({ leadId: anonymousLead.leadId, mergedLeadIds: [] });
      expect((await suite.resolver.resolve({ email: address }, context())).leadId).toBe(anonymousLead.leadId);
      expect(await outboxRows()).toEqual([]);
    });

    it('resolves casing and whitespace variants of an email to one lead', async () => {
      const address = email();
      const variants = [address, address.toUpperCase(), `  ${address}\t`, address.replace('jane', 'Jane')];
      const leads = new Set<string>();
      for (const variant of variants) leads.add((await suite.resolver.resolve({ email: variant }, context())).leadId);
      expect(leads.size).toBe(1);
      expect(await leadCount()).toBe(1);
    });

    it('treats plus-tagged addresses as one person only when INGEST_STRIP_PLUS_TAGS is on', async () => {
      const stripping = new IdentityResolver(
        suite.dataSource,
        Object.assign(new IngestConfig(), { INGEST_STRIP_PLUS_TAGS: true }),
        new IdentityStore(),
        new Outbox(),
      );
      const address = email();
      const tagged = address.replace('@', '+newsletter@');

      const plain = await suite.resolver.resolve({ email: address }, context());
      expect((await suite.resolver.resolve({ email: tagged }, context())).leadId).not.toBe(plain.leadId);
      expect((await stripping.resolve({ email: tagged }, context())).leadId).toBe(plain.leadId);
    });

    it('merges leads that share an email on plain events with the reason email_match', async () => {
      const visitor = anonymousId();
      const address = email();
      const anonymousLead = await suite.resolver.resolve({ anonymousId: visitor }, context());
      const knownLead = await suite.resolver.resolve({ email: address }, context());

      await suite.resolver.resolve({ anonymousId: visitor, email: address }, context('event'));

      expect(await mergeEvents()).toEqual([
        expect.objectContaining({
          survivingLeadId: knownLead.leadId,
          mergedLeadId: anonymousLead.leadId,
          reason: 'email_match',
        }),
      ]);
    });

    it('rejects an input that names nobody before touching the database', async () => {
      await expect(suite.resolver.resolve({ email: 'not-an-email', anonymousId: '  ' }, context())).rejects.toThrow(
        'cannot resolve an identity',
      );
      expect(await leadCount()).toBe(0);
    });
  });

  describe('a shared computer', () => {
    it('keeps two users with different user ids as two leads and publishes no merge', async () => {
      const device = anonymousId();
      const [alice, bob] = [userId(), userId()];
      const aliceLead = await suite.resolver.resolve({ anonymousId: device, userId: alice }, context('identify'));

      const bobLead = await suite.resolver.resolve({ anonymousId: device, userId: bob }, context('identify'));
      const bobAgain = await suite.resolver.resolve({ userId: bob }, context());

      expect(bobLead).toEqual({ leadId: expect.any(String), mergedLeadIds: [] });
      expect(bobLead.leadId).not.toBe(aliceLead.leadId);
      expect(bobAgain).toEqual(bobLead);
      expect(await suite.resolver.resolve({ userId: alice }, context())).toEqual(aliceLead);
      expect(await leadCount()).toBe(2);
      expect(await mergeEvents()).toEqual([]);
    });
  });

  describe('merged leads', () => {
    it('resolves the old anonymous id of a merged lead to the survivor, across repeated merges', async () => {
      const visitor = anonymousId();
      const address = email();
      const user = userId();
      const oldest = await suite.resolver.resolve({ userId: user }, context());
      const anonymousLead = await suite.resolver.resolve({ anonymousId: visitor }, context());
      const emailLead = await suite.resolver.resolve({ email: address }, context());

      await suite.resolver.resolve({ anonymousId: visitor, email: address }, context('identify'));
      await suite.resolver.resolve({ userId: user, email: address }, context('identify'));

      expect(await suite.resolver.resolve({ anonymousId: visitor }, context())).toEqual({
        leadId: oldest.leadId,
        mergedLeadIds: [],
      });
      expect((await mergeEvents()).map((event) => [event.survivingLeadId, event.mergedLeadId])).toEqual([
        [emailLead.leadId, anonymousLead.leadId],
        [oldest.leadId, emailLead.leadId],
      ]);
      const pointers = await suite.dataSource.query(
        'SELECT id, merged_into_lead_id FROM leads WHERE merged_into_lead_id IS NOT NULL ORDER BY id',
      );
      expect(pointers).toEqual(
        expect.arrayContaining([
          { id: anonymousLead.leadId, merged_into_lead_id: oldest.leadId },
          { id: emailLead.leadId, merged_into_lead_id: oldest.leadId },
        ]),
      );
    });

    it('merges every lead an identify names into one survivor, one lead.merged.v1 per merged lead', async () => {
      const keys = { anonymousId: anonymousId(), userId: userId(), email: email() };
      const leads = await Promise.all(
        Object.entries(keys).map(([field, value]) => suite.resolver.resolve({ [field]: value }, context())),
      );

      const identified = await suite.resolver.resolve(keys, context('identify'));

      expect(new Set([identified.leadId, ...identified.mergedLeadIds])).toEqual(
        new Set(leads.map((lead) => lead.leadId)),
      );
      expect((await mergeEvents()).map((event) => event.mergedLeadId).sort()).toEqual(
        [...identified.mergedLeadIds].sort(),
      );
      expect(await leadCount()).toBe(1);
    });
  });

  describe('alias', () => {
    it('merges the lead of the previous anonymous id into the lead of the user id with the reason alias', async () => {
      const visitor = anonymousId();
      const user = userId();
      const anonymousLead = await suite.resolver.resolve({ anonymousId: visitor }, context());
      const userLead = await suite.resolver.resolve({ userId: user }, context());

      expect(await suite.resolver.alias(visitor, user, aliasContext())).toEqual({
        leadId: userLead.leadId,
        mergedLeadIds: [anonymousLead.leadId],
      });
      expect(await mergeEvents()).toEqual([
        expect.objectContaining({ reason: 'alias', mergedLeadId: anonymousLead.leadId }),
      ]);
    });

    it('merges the lead of a previous user id, reading the previous id as the user id it is linked as', async () => {
      const previousUser = userId();
      const user = userId();
      const previousLead = await suite.resolver.resolve({ userId: previousUser }, context());
      const userLead = await suite.resolver.resolve({ userId: user }, context());

      const aliased = await suite.resolver.alias(previousUser, user, aliasContext());

      expect(aliased).toEqual({ leadId: previousLead.leadId, mergedLeadIds: [userLead.leadId] });
      expect(
        await suite.dataSource.query('SELECT kind, value FROM identity_links WHERE value = $1', [previousUser]),
      ).toEqual([{ kind: 'user', value: previousUser }]);
    });

    it('links a previous id nobody knows as an anonymous id of the lead of the user id', async () => {
      const visitor = anonymousId();
      const user = userId();

      const aliased = await suite.resolver.alias(visitor, user, aliasContext());

      expect((await suite.resolver.resolve({ anonymousId: visitor }, context())).leadId).toBe(aliased.leadId);
      expect((await suite.resolver.resolve({ userId: user }, context())).leadId).toBe(aliased.leadId);
      expect(await suite.dataSource.query('SELECT kind FROM identity_links ORDER BY kind')).toEqual([
        { kind: 'anonymous' },
        { kind: 'user' },
      ]);
    });
  });

  it('stores no clear email anywhere in the schema', async () => {
    const address = email();
    const visitor = anonymousId();
    await suite.resolver.resolve({ anonymousId: visitor }, context());
    await suite.resolver.resolve({ email: address.toUpperCase() }, context());
    await suite.resolver.resolve({ anonymousId: visitor, email: ` ${address} ` }, context('identify'));

    const tables: { table_name: string }[] = await suite.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`,
      [suite.harness.schema],
    );
    let rowsScanned = 0;
    for (const { table_name } of tables) {
      const rows: { row: string }[] = await suite.dataSource.query(
        `SELECT row_to_json(t)::text AS row FROM "${table_name}" t`,
      );
      rowsScanned += rows.length;
      for (const { row } of rows) {
        expect(row.toLowerCase()).not.toContain(address);
        expect(row).not.toContain('@');
      }
    }
    expect(rowsScanned).toBeGreaterThan(4);
    expect(await suite.dataSource.query(`SELECT value FROM identity_links WHERE kind = 'email'`)).toEqual([
      { value: emailHash(address) },
    ]);
  });
});
