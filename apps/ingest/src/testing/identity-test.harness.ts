import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { type LeadMergedV1, Topics, decodeEventJson } from '@handoff/contracts';
import { PlatformConfigModule } from '@handoff/platform-config';
import { DatabaseModule, PLATFORM_MIGRATIONS } from '@handoff/platform-database';
import { DataSource } from 'typeorm';
import { IngestConfig } from '../app/ingest.config';
import type { AliasContext, ResolutionContext } from '../identity/identity-resolution.types';
import { IdentityResolver } from '../identity/identity-resolver.service';
import { IDENTITY_MIGRATIONS, IdentityModule } from '../identity/identity.module';

export interface OutboxRow {
  topic: string;
  message_key: string;
  payload: string;
  headers: Record<string, string>;
}

const POOL_SIZE = 10;
export const OCCURRED_AT = '2026-11-28T10:15:00.000Z';

export const callContext = (reason: ResolutionContext['reason'] = 'event'): ResolutionContext => ({
  reason,
  correlationId: `corr-${randomUUID()}`,
  occurredAt: OCCURRED_AT,
});
export const aliasCallContext = (): AliasContext => ({
  correlationId: `corr-${randomUUID()}`,
  occurredAt: OCCURRED_AT,
});
export const newAnonymousId = (): string => `anon-${randomUUID()}`;
export const newUserId = (): string => `user-${randomUUID()}`;
export const newEmail = (): string => `jane.${randomUUID().slice(0, 8)}@acme-corp.com`;

/**
 * IdentityModule wired as the service wires it (config, database with the inbox/outbox and identity
 * migrations) on a fresh schema of a real PostgreSQL, for the integration tests.
 */
export class IdentityTestHarness {
  private constructor(
    private readonly moduleRef: TestingModule,
    readonly schema: string,
    readonly dataSource: DataSource,
    readonly resolver: IdentityResolver,
  ) {}

  static async open(databaseUrl: string, schema: string): Promise<IdentityTestHarness> {
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformConfigModule.forRoot(IngestConfig, { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }),
        DatabaseModule.forRootAsync({
          inject: [IngestConfig],
          useFactory: (config: IngestConfig) => ({
            url: config.DATABASE_URL,
            schema: config.DATABASE_SCHEMA,
            poolSize: POOL_SIZE,
            migrations: [...PLATFORM_MIGRATIONS, ...IDENTITY_MIGRATIONS],
          }),
        }),
        IdentityModule,
      ],
    }).compile();
    const dataSource = moduleRef.get(DataSource);
    // Open every pooled connection now, so concurrent calls really overlap instead of queueing behind
    // connection set-up.
    await Promise.all(Array.from({ length: POOL_SIZE }, () => dataSource.query('SELECT pg_sleep(0.05)')));
    return new IdentityTestHarness(moduleRef, schema, dataSource, moduleRef.get(IdentityResolver));
  }

  async reset(): Promise<void> {
    await this.dataSource.query('TRUNCATE leads, identity_links, lead_merges, outbox CASCADE');
  }

  async close(): Promise<void> {
    await this.dataSource.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.moduleRef.close();
  }

  /** Leads not merged into another. */
  async liveLeadCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM leads WHERE merged_into_lead_id IS NULL',
    );
    return n;
  }

  outboxRows(): Promise<OutboxRow[]> {
    return this.dataSource.query('SELECT topic, message_key, payload, headers FROM outbox ORDER BY id');
  }

  /** The outbox rows, each decoded and validated as a lead.merged.v1 event. */
  async mergeEvents(): Promise<LeadMergedV1[]> {
    return (await this.outboxRows()).map((row) => decodeEventJson(Topics.leadMerged, row.payload));
  }
}

/** The harness of one suite, readable from its tests once the suite's beforeAll has opened it. */
export interface IdentitySuite {
  readonly harness: IdentityTestHarness;
  readonly resolver: IdentityResolver;
  readonly dataSource: DataSource;
}

/**
 * Registers the hooks every identity suite needs: a harness opened on `schema` before the tests, emptied
 * before each test and dropped after the suite.
 */
export function useIdentityHarness(databaseUrl: string, schema: string): IdentitySuite {
  let opened: IdentityTestHarness | undefined;
  const harness = (): IdentityTestHarness => {
    if (!opened) throw new Error('the identity harness is opened in beforeAll: use it inside tests');
    return opened;
  };
  beforeAll(async () => {
    opened = await IdentityTestHarness.open(databaseUrl, schema);
  });
  beforeEach(() => harness().reset());
  afterAll(() => opened?.close());
  return {
    get harness() {
      return harness();
    },
    get resolver() {
      return harness().resolver;
    },
    get dataSource() {
      return harness().dataSource;
    },
  };
}
