import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { PlatformConfigModule } from '@handoff/platform-config';
import { DatabaseModule, InboxOutboxTables1700000000000 } from '@handoff/platform-database';
import { TEST_DATABASE_URL, uniqueName } from '@handoff/testing';
import { DataSource } from 'typeorm';
import { IngestConfig } from '../app/ingest.config';
import type { ResolutionRequest } from './identity-resolution.types';
import { IdentityResolver } from './identity-resolver.service';
import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS, IdentityModule } from './identity.module';

it('bench', async () => {
  const schema = uniqueName('ingest_bench');
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformConfigModule.forRoot(IngestConfig, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema }),
      DatabaseModule.forRootAsync({
        inject: [IngestConfig],
        useFactory: (config: IngestConfig) => ({
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          entities: IDENTITY_ENTITIES,
          migrations: [InboxOutboxTables1700000000000, ...IDENTITY_MIGRATIONS],
        }),
      }),
      IdentityModule,
    ],
  }).compile();
  const ds = moduleRef.get(DataSource);
  const resolver = moduleRef.get(IdentityResolver);
  const known: string[] = [];
  const batch = (n: number): ResolutionRequest[] =>
    Array.from({ length: n }, (_, i) => {
      const ctx = { reason: 'event' as const, correlationId: 'c', occurredAt: '2026-11-28T10:00:00.000Z' };
      if (i % 10 < 5 || known.length === 0) {
        const a = randomUUID();
        known.push(a);
        return { input: { anonymousId: a }, context: ctx };
      }
      if (i % 10 < 8) return { input: { anonymousId: known[Math.floor(Math.random() * known.length)] }, context: ctx };
      return {
        input: { anonymousId: known[known.length - 1], email: `p${randomUUID().slice(0, 6)}@acme.com` },
        context: { ...ctx, reason: 'identify' as const },
      };
    });
  await resolver.resolveMany(batch(200));
  for (const size of [1, 10, 100, 500]) {
    const rounds = Math.max(1, Math.floor(2000 / size));
    let t = process.hrtime.bigint();
    for (let r = 0; r < rounds; r++) await resolver.resolveMany(batch(size));
    const single = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    for (let r = 0; r < rounds; r++) for (const req of batch(size)) await resolver.resolveMany([req]);
    const perInput = Number(process.hrtime.bigint() - t) / 1e6;
    const n = rounds * size;
    console.log(
      `batch ${size}: one tx ${((n / single) * 1000).toFixed(0)}/s, per-input tx ${((n / perInput) * 1000).toFixed(0)}/s`,
    );
  }
  await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
  await moduleRef.close();
}, 300000);
