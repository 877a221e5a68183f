import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { type LeadMergedV1, Topics, decodeEventJson } from '@handoff/contracts';
import { emailHash } from '@handoff/domain-identity';
import { PlatformConfigModule } from '@handoff/platform-config';
import { DatabaseModule, InboxOutboxTables1700000000000 } from '@handoff/platform-database';
import { EVENT_ID_HEADER } from '@handoff/platform-kafka';
import { CORRELATION_ID_HEADER } from '@handoff/platform-observability';
import { TEST_DATABASE_URL, uniqueName } from '@handoff/testing';
import { DataSource } from 'typeorm';
import { IngestConfig } from '../app/ingest.config';
import type { ResolutionContext } from './identity-resolution.types';
import { IdentityResolver } from './identity-resolver.service';
import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS, IdentityModule } from './identity.module';

interface OutboxRow {
  topic: string;
  message_key: string;
  payload: string;
  headers: Record<string, string>;
}

const POOL_SIZE = 10;
const OCCURRED_AT = '2026-11-28T10:15:00.000Z';
const context = (reason: ResolutionContext['reason'] = 'event'): ResolutionContext => ({
  reason,
  correlationId: `corr-${randomUUID()}`,
  occurredAt: OCCURRED_AT,
});
const aliasContext = () => ({ correlationId: `corr-${randomUUID()}`, occurredAt: OCCURRED_AT });
const anonymousId = () => `anon-${randomUUID()}`;
const userId = () => `user-${randomUUID()}`;
const email = () => `jane.${randomUUID().slice(0, 8)}@acme-corp.com`;

describe('IdentityResolver (real PostgreSQL)', () => {
  const schema = uniqueName('ingest_test');
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let resolver: IdentityResolver;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        PlatformConfigModule.forRoot(IngestConfig, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema }),
        DatabaseModule.forRootAsync({
          inject: [IngestConfig],
          useFactory: (config: IngestConfig) => ({
            url: config.DATABASE_URL,
            schema: config.DATABASE_SCHEMA,
            poolSize: POOL_SIZE,
            entities: IDENTITY_ENTITIES,
            migrations: [InboxOutboxTables1700000000000, ...IDENTITY_MIGRATIONS],
          }),
        }),
        IdentityModule,
      ],
    }).compile();
    dataSource = moduleRef.get(DataSource);
    resolver = moduleRef.get(IdentityResolver);
    // Open every pooled connection now, so concurrent calls in the tests really overlap instead of queueing
    // behind connection set-up.
    await Promise.all(Array.from({ length: POOL_SIZE }, () => dataSource.query('SELECT pg_sleep(0.05)')));
  });

  beforeEach(() => dataSource.query('TRUNCATE leads, identity_links, lead_merges, outbox CASCADE'));

  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await moduleRef.close();
  });

  const leadCount = async (): Promise<number> =>
    Number((await dataSource.query('SELECT count(*) AS n FROM leads WHERE merged_into_lead_id IS NULL'))[0].n);
  const outboxRows = (): Promise<OutboxRow[]> =>
    dataSource.query('SELECT topic, message_key, payload, headers FROM outbox ORDER BY id');
  const mergeEvents = async (): Promise<LeadMergedV1[]> =>
    (await outboxRows()).map((row) => decodeEventJson(Topics.leadMerged, row.payload));

  describe('anonymous visitors', () => {
    it('gives a new anonymous visitor a new lead and the same lead on every later event', async () => {
      const visitor = anonymousId();
      const first = await resolver.resolve({ anonymousId: visitor }, context());
      const again = await resolver.resolve({ anonymousId: visitor }, context());
      const other = await resolver.resolve({ anonymousId: anonymousId() }, context());

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
      const anonymousLead = await resolver.resolve({ anonymousId: visitor }, context());
      const knownLead = await resolver.resolve({ email: address }, context());
      const identifyContext = context('identify');

      const identified = await resolver.resolve({ anonymousId: visitor, email: address }, identifyContext);

      expect(identified).toEqual({ leadId: knownLead.leadId, mergedLeadIds: [anonymousLead.leadId] });
      expect(await resolver.resolve({ anonymousId: visitor }, context())).toEqual({
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
      const [merge] = await dataSource.query('SELECT * FROM lead_merges');
      expect(merge).toMatchObject({
        event_id: event.eventId,
        merged_lead_id: anonymousLead.leadId,
        reason: 'identify',
      });
    });

    it('links the email to the anonymous lead without a merge when the email had no lead', async () => {
      const visitor = anonymousId();
      const address = email();
      const anonymousLead = await resolver.resolve({ anonymousId: visitor }, context());

      const identified = await resolver.resolve({ anonymousId: visitor, email: address }, context('identify'));

      expect(identified).toEqual({ leadId: anonymousLead.leadId, mergedLeadIds: [] });
      expect((await resolver.resolve({ email: address }, context())).leadId).toBe(anonymousLead.leadId);
      expect(await outboxRows()).toEqual([]);
    });

    it('resolves casing and whitespace variants of an email to one lead', async () => {
      const address = email();
      const variants = [address, address.toUpperCase(), `  ${address}\t`, address.replace('jane', 'Jane')];
      const leads = new Set<string>();
      for (const variant of variants) leads.add((await resolver.resolve({ email: variant }, context())).leadId);
      expect(leads.size).toBe(1);
      expect(await leadCount()).toBe(1);
    });

    it('treats plus-tagged addresses as one person only when INGEST_STRIP_PLUS_TAGS is on', async () => {
      const stripping = new IdentityResolver(
        dataSource,
        Object.assign(new IngestConfig(), { INGEST_STRIP_PLUS_TAGS: true }),
      );
      const address = email();
      const tagged = address.replace('@', '+newsletter@');

      const plain = await resolver.resolve({ email: address }, context());
      expect((await resolver.resolve({ email: tagged }, context())).leadId).not.toBe(plain.leadId);
      expect((await stripping.resolve({ email: tagged }, context())).leadId).toBe(plain.leadId);
    });

    it('merges leads that share an email on plain events with the reason email_match', async () => {
      const visitor = anonymousId();
      const address = email();
      const anonymousLead = await resolver.resolve({ anonymousId: visitor }, context());
      const knownLead = await resolver.resolve({ email: address }, context());

      await resolver.resolve({ anonymousId: visitor, email: address }, context('event'));

      expect(await mergeEvents()).toEqual([
        expect.objectContaining({
          survivingLeadId: knownLead.leadId,
          mergedLeadId: anonymousLead.leadId,
          reason: 'email_match',
        }),
      ]);
    });

    it('rejects an input that names nobody before touching the database', async () => {
      await expect(resolver.resolve({ email: 'not-an-email', anonymousId: '  ' }, context())).rejects.toThrow(
        'cannot resolve an identity',
      );
      expect(await leadCount()).toBe(0);
    });
  });

  describe('merged leads', () => {
    it('resolves the old anonymous id of a merged lead to the survivor, across repeated merges', async () => {
      const visitor = anonymousId();
      const address = email();
      const user = userId();
      const oldest = await resolver.resolve({ userId: user }, context());
      const anonymousLead = await resolver.resolve({ anonymousId: visitor }, context());
      const emailLead = await resolver.resolve({ email: address }, context());

      await resolver.resolve({ anonymousId: visitor, email: address }, context('identify'));
      await resolver.resolve({ userId: user, email: address }, context('identify'));

      expect(await resolver.resolve({ anonymousId: visitor }, context())).toEqual({
        leadId: oldest.leadId,
        mergedLeadIds: [],
      });
      expect((await mergeEvents()).map((event) => [event.survivingLeadId, event.mergedLeadId])).toEqual([
        [emailLead.leadId, anonymousLead.leadId],
        [oldest.leadId, emailLead.leadId],
      ]);
      const pointers = await dataSource.query(
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
        Object.entries(keys).map(([field, value]) => resolver.resolve({ [field]: value }, context())),
      );

      const identified = await resolver.resolve(keys, context('identify'));

      expect(new Set([identified.leadId, ...identified.mergedLeadIds])).toEqual(
        new Set(leads.map((lead) => lead.leadId)),
      );
      expect((await mergeEvents()).map((event) => event.mergedLeadId).sort()).toEqual(
        [...identified.mergedLeadIds].sort(),
      );
      expect(await leadCount()).toBe(1);
    });
  });

  describe('concurrency', () => {
    it('creates exactly one lead for 20 concurrent identifies of the same new person, by waiting, not retrying', async () => {
      const address = email();
      const user = userId();
      const warnings = jest.spyOn(Logger.prototype, 'warn');
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          resolver.resolve({ anonymousId: anonymousId(), userId: user, email: address }, context('identify')),
        ),
      );

      expect(new Set(results.map((result) => result.leadId)).size).toBe(1);
      expect(await dataSource.query('SELECT count(*)::int AS n FROM leads')).toEqual([{ n: 1 }]);
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
        visitors.map((visitor) => resolver.resolve({ anonymousId: visitor }, context())),
      );

      const results = await Promise.all(
        visitors.map((visitor) => resolver.resolve({ anonymousId: visitor, email: address }, context('identify'))),
      );

      const survivor = (await resolver.resolve({ email: address }, context())).leadId;
      expect(new Set(results.map((result) => result.leadId))).toEqual(new Set([survivor]));
      for (const visitor of visitors)
        expect((await resolver.resolve({ anonymousId: visitor }, context())).leadId).toBe(survivor);
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
        await resolver.resolve({ email: person.address }, context());
        await resolver.resolve({ anonymousId: person.visitor, userId: person.user }, context());
      }

      // Disjoint keys, so the key locks let each pair run together: the merge and the new link race on one lead.
      await Promise.all(
        people.flatMap((person) => [
          resolver.resolve({ anonymousId: person.visitor, email: person.address }, context('identify')),
          resolver.resolve({ userId: person.user, email: person.newAddress }, context('identify')),
        ]),
      );

      for (const person of people) {
        const survivor = (await resolver.resolve({ email: person.address }, context())).leadId;
        expect((await resolver.resolve({ email: person.newAddress }, context())).leadId).toBe(survivor);
      }
      expect(
        await dataSource.query(
          `SELECT count(*)::int AS n FROM identity_links il JOIN leads l ON l.id = il.lead_id
           WHERE l.merged_into_lead_id IS NOT NULL`,
        ),
      ).toEqual([{ n: 0 }]);
      expect(await mergeEvents()).toHaveLength(people.length);
    });
  });

  describe('alias', () => {
    it('merges the lead of the previous anonymous id into the lead of the user id with the reason alias', async () => {
      const visitor = anonymousId();
      const user = userId();
      const anonymousLead = await resolver.resolve({ anonymousId: visitor }, context());
      const userLead = await resolver.resolve({ userId: user }, context());

      expect(await resolver.alias(visitor, user, aliasContext())).toEqual({
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
      const previousLead = await resolver.resolve({ userId: previousUser }, context());
      const userLead = await resolver.resolve({ userId: user }, context());

      const aliased = await resolver.alias(previousUser, user, aliasContext());

      expect(aliased).toEqual({ leadId: previousLead.leadId, mergedLeadIds: [userLead.leadId] });
      expect(await dataSource.query('SELECT kind, value FROM identity_links WHERE value = $1', [previousUser])).toEqual(
        [{ kind: 'user', value: previousUser }],
      );
    });

    it('links a previous id nobody knows as an anonymous id of the lead of the user id', async () => {
      const visitor = anonymousId();
      const user = userId();

      const aliased = await resolver.alias(visitor, user, aliasContext());

      expect((await resolver.resolve({ anonymousId: visitor }, context())).leadId).toBe(aliased.leadId);
      expect((await resolver.resolve({ userId: user }, context())).leadId).toBe(aliased.leadId);
      expect(await dataSource.query('SELECT kind FROM identity_links ORDER BY kind')).toEqual([
        { kind: 'anonymous' },
        { kind: 'user' },
      ]);
    });
  });

  describe('batches', () => {
    it('resolves a batch in order, so a page view before an identify keeps its anonymous lead', async () => {
      const visitor = anonymousId();
      const address = email();
      const knownLead = await resolver.resolve({ email: address }, context());

      const [pageView, identify, later] = await resolver.resolveMany([
        { input: { anonymousId: visitor }, context: context() },
        { input: { anonymousId: visitor, email: address }, context: context('identify') },
        { input: { anonymousId: visitor }, context: context() },
      ]);

      expect(identify).toEqual({ leadId: knownLead.leadId, mergedLeadIds: [pageView.leadId] });
      expect(later).toEqual({ leadId: knownLead.leadId, mergedLeadIds: [] });
      expect(await mergeEvents()).toHaveLength(1);
    });

    it('resolves nothing when one item of a batch names nobody', async () => {
      await expect(
        resolver.resolveMany([
          { input: { anonymousId: anonymousId() }, context: context() },
          { alias: { previousId: anonymousId(), userId: ' ' }, context: aliasContext() },
        ]),
      ).rejects.toThrow('an alias needs a user id');
      expect(await leadCount()).toBe(0);
    });
  });

  it('stores no clear email anywhere in the schema', async () => {
    const address = email();
    const visitor = anonymousId();
    await resolver.resolve({ anonymousId: visitor }, context());
    await resolver.resolve({ email: address.toUpperCase() }, context());
    await resolver.resolve({ anonymousId: visitor, email: ` ${address} ` }, context('identify'));

    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`,
      [schema],
    );
    let rowsScanned = 0;
    for (const { table_name } of tables) {
      const rows: { row: string }[] = await dataSource.query(
        `SELECT row_to_json(t)::text AS row FROM "${table_name}" t`,
      );
      rowsScanned += rows.length;
      for (const { row } of rows) {
        expect(row.toLowerCase()).not.toContain(address);
        expect(row).not.toContain('@');
      }
    }
    expect(rowsScanned).toBeGreaterThan(4);
    expect(await dataSource.query(`SELECT value FROM identity_links WHERE kind = 'email'`)).toEqual([
      { value: emailHash(address) },
    ]);
  });
});
