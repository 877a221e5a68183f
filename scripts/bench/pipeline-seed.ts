import { createLeadState } from '@handoff/domain-scoring';
import { Client } from 'pg';

/** Engagements recorded per pre-seeded lead: the history a backtest would replay. */
const HISTORY_PER_LEAD = 3;
/** Rows per statement: one transaction each, so a million leads never hold one huge transaction open. */
const CHUNK = 100_000;

/** The anonymous id of pre-seeded lead `n` (1-based): the load sends some events as these visitors. */
export const seededAnonymousId = (n: number): string => `seed-anon-${n}`;

export interface SeedSchemas {
  ingest: string;
  scoring: string;
}

/**
 * Pre-seeds `count` leads as if they had come before: in ingest their lead row and anonymous-id link, in scoring
 * their state (a fresh subscriber's, under the shipped model) and recorded history. Written server-side with
 * generate_series after the services ran their migrations, so a million leads take a minute or two, not an hour
 * of HTTP. Lead ids are md5-derived from n, so both schemas agree without a round trip.
 */
export async function seedLeads(
  databaseUrl: string,
  schemas: SeedSchemas,
  count: number,
  modelVersion: string,
): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const template = JSON.stringify(createLeadState('00000000-0000-4000-8000-000000000000'));
    for (let from = 1; from <= count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK - 1);
      await seedIngest(client, schemas.ingest, from, to);
      await seedScoring(client, schemas.scoring, from, to, template, modelVersion);
    }
    await client.query(`ANALYZE "${schemas.ingest}".leads, "${schemas.ingest}".identity_links`);
    await client.query(`ANALYZE "${schemas.scoring}".lead_state, "${schemas.scoring}".lead_events`);
  } finally {
    await client.end();
  }
}

/** A version-4 uuid from md5 (version and variant nibbles set), as the contracts' lead ids must be. */
const uuidV4Of = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;
const leadIdOf = (n: string) => uuidV4Of(`'seed-lead-' || ${n}`);

async function seedIngest(client: Client, schema: string, from: number, to: number): Promise<void> {
  await client.query(
    `INSERT INTO "${schema}".leads (id, created_at)
     SELECT ${leadIdOf('n')}, now() - interval '30 days' FROM generate_series($1::int, $2::int) AS n`,
    [from, to],
  );
  await client.query(
    `INSERT INTO "${schema}".identity_links (kind, value, lead_id, created_at)
     SELECT 'anonymous', 'seed-anon-' || n, ${leadIdOf('n')}, now() - interval '30 days'
     FROM generate_series($1::int, $2::int) AS n`,
    [from, to],
  );
}

async function seedScoring(
  client: Client,
  schema: string,
  from: number,
  to: number,
  template: string,
  modelVersion: string,
): Promise<void> {
  await client.query(
    `INSERT INTO "${schema}".lead_state
       (lead_id, state, version, stage, behaviour_score, fit_score, grade, model_version)
     SELECT ${leadIdOf('n')}, jsonb_set($3::jsonb, '{leadId}', to_jsonb(${leadIdOf('n')}::text)),
            1, 'subscriber', 0, 0, 'D', $4
     FROM generate_series($1::int, $2::int) AS n`,
    [from, to, template, modelVersion],
  );
  await client.query(
    `INSERT INTO "${schema}".lead_events (lead_id, event_id, kind, occurred_at, payload, applied_at)
     SELECT ${leadIdOf('n')}, e.id, 'engagement', e.at,
            jsonb_build_object('eventId', e.id, 'type', 'page_view', 'occurredAt', to_jsonb(e.at),
                               'properties', jsonb_build_object('path', '/blog/lead-routing-101')),
            e.at
     FROM generate_series($1::int, $2::int) AS n, generate_series(1, $3::int) AS k,
          LATERAL (SELECT ${uuidV4Of(`'seed-event-' || n || '-' || k`)} AS id,
                          now() - make_interval(days => 30 - k) AS at) AS e`,
    [from, to, HISTORY_PER_LEAD],
  );
}
