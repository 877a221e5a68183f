import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { ALL_TOPICS, DEAD_LETTER_TOPICS } from '@handoff/contracts';
import {
  HeldMigrationLock,
  ServiceProcess,
  TEST_DATABASE_URL,
  TEST_KAFKA_BROKERS,
  topicNames,
  uniqueName,
} from '@handoff/testing';

// The image's entrypoint (`node main.js [serve | migrate | topics]`), run as the built artifact the image holds.
const workspaceRoot = join(__dirname, '../../..');
const APP = 'quota';
/** A signal must end boot work within this, far below any orchestrator's grace period. */
const PROMPT_EXIT_MS = 5_000;

const schemas: string[] = [];
const roles: string[] = [];
let admin: Client;

function freshSchema(label: string): string {
  const schema = uniqueName(`e2e_entry_${label}`);
  schemas.push(schema);
  return schema;
}

function run(args: string[], env: Record<string, string>): Promise<ServiceProcess> {
  return ServiceProcess.start({ app: APP, workspaceRoot, args, env });
}

async function appliedMigrations(schema: string): Promise<string[]> {
  const { rows } = await admin.query<{ name: string }>(`SELECT name FROM "${schema}".migrations ORDER BY id`);
  return rows.map((row) => row.name);
}

async function schemaExists(schema: string): Promise<boolean> {
  const { rows } = await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  return rows.length > 0;
}

/** A login role with data rights only (no CREATE, no ownership) on `schema`: what a runtime user gets. */
async function dataOnlyRole(schema: string): Promise<string> {
  const role = uniqueName('e2e_runtime');
  const password = randomBytes(12).toString('hex');
  roles.push(role);
  await admin.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}'`);
  await admin.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
  await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO "${role}"`);
  await admin.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO "${role}"`);
  const url = new URL(TEST_DATABASE_URL);
  url.username = role;
  url.password = password;
  return url.toString();
}

beforeAll(async () => {
  admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
});

afterAll(async () => {
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  for (const role of roles) {
    await admin.query(`DROP OWNED BY "${role}"`);
    await admin.query(`DROP ROLE IF EXISTS "${role}"`);
  }
  await admin.end();
});

describe('`node main.js migrate`', () => {
  it("creates the service's schema, applies every migration, exits 0, and a second run finds none pending", async () => {
    const schema = freshSchema('migrate');

    const first = await run(['migrate'], { DATABASE_SCHEMA: schema });
    expect(await first.exited()).toBe(0);
    const applied = await appliedMigrations(schema);
    expect(applied).toEqual(expect.arrayContaining(['InboxOutboxTables1700000000000', 'QuotaTables1765300000000']));
    expect(first.log()).toContain('"msg":"migrations applied"');

    const second = await run(['migrate'], { DATABASE_SCHEMA: schema });
    expect(await second.exited()).toBe(0);
    expect(second.log()).toContain(`"schema":"${schema}","applied":[]`);
    expect(await appliedMigrations(schema)).toEqual(applied);
  });

  it('lets the service run as a user without DDL rights on the schema the job migrated', async () => {
    const schema = freshSchema('runtime_user');
    const job = await run(['migrate'], { DATABASE_SCHEMA: schema });
    expect(await job.exited()).toBe(0);
    const runtimeUrl = await dataOnlyRole(schema);

    const service = await run([], {
      DATABASE_URL: runtimeUrl,
      DATABASE_SCHEMA: schema,
      DATABASE_MIGRATIONS_RUN: 'false',
      KAFKA_PROVISION_TOPICS: 'false',
    });
    try {
      await service.waitForStatus('/health/ready', 200);
    } finally {
      expect(await service.stop()).toBe(0);
    }
    const { rows } = await admin.query<{ create: boolean }>('SELECT has_schema_privilege($1, $2, $3) AS create', [
      new URL(runtimeUrl).username,
      schema,
      'CREATE',
    ]);
    expect(rows[0].create).toBe(false);
  });

  it('exits 1 with one JSON error line when PostgreSQL cannot be reached', async () => {
    const job = await run(['migrate'], {
      DATABASE_SCHEMA: freshSchema('unreachable'),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres',
    });
    expect(await job.exited()).toBe(1);
    const failure = job.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).at(-1);
    expect(failure).toMatchObject({ level: 'error', service: APP, msg: 'migrate failed' });
  });
});

describe('a SIGTERM during boot work', () => {
  it.each([
    ['the `migrate` job', ['migrate'], `${APP}-migrate`],
    ['the service booting', [], APP],
  ])('ends %s promptly with 143 while it waits for the migration lock', async (_what, args, applicationName) => {
    const schema = freshSchema('sigterm');
    const lock = await HeldMigrationLock.take(schema);
    let child: ServiceProcess | undefined;
    try {
      child = await run(args, { DATABASE_SCHEMA: schema });
      await lock.waitForWaiter(applicationName);

      const sent = Date.now();
      const code = await child.stop();

      expect(code).toBe(143);
      expect(Date.now() - sent).toBeLessThan(PROMPT_EXIT_MS);
      expect(child.log()).toContain('signal before the service started; exiting');
    } finally {
      await child?.kill();
      await lock.release();
    }
    // Interrupted before its first migration: nothing was created.
    expect(await schemaExists(schema)).toBe(false);
  });
});

describe('`node main.js topics`', () => {
  it('makes sure every contract topic and its dead-letter topic exists, and exits 0', async () => {
    const job = await run(['topics'], {});
    expect(await job.exited()).toBe(0);
    const wanted = [...ALL_TOPICS, ...DEAD_LETTER_TOPICS].map((topic) => topic.name);
    expect(await topicNames(TEST_KAFKA_BROKERS)).toEqual(expect.arrayContaining(wanted));
    expect(job.log()).toContain('"msg":"topics provisioned"');
  });

  it('exits 1 naming the problem when min.insync.replicas exceeds the replication factor', async () => {
    const job = await run(['topics'], { KAFKA_REPLICATION_FACTOR: '1', KAFKA_MIN_INSYNC_REPLICAS: '2' });
    expect(await job.exited()).toBe(1);
    expect(job.log()).toContain('min.insync.replicas (2) exceeds the replication factor (1)');
  });
});
