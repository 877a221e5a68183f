import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ALL_TOPICS, DEAD_LETTER_TOPICS } from '@handoff/contracts';
import {
  ServiceProcess,
  UncommittedSchema,
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
const databases: string[] = [];
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

/**
 * A database of its own with the users docker/postgres/users.psql creates for Compose (under names of this run's
 * own: roles are cluster-wide), and the URL each user connects with.
 */
async function databaseWithComposeUsers(): Promise<{ migrateUrl: string; appUrl: string }> {
  const database = uniqueName('e2e_compose');
  const migrateRole = uniqueName('e2e_migrate');
  const appRole = uniqueName('e2e_app');
  const password = randomBytes(12).toString('hex');
  databases.push(database);
  roles.push(appRole, migrateRole);
  await admin.query(`CREATE DATABASE "${database}"`);
  const statements = readFileSync(join(workspaceRoot, 'docker/postgres/users.psql'), 'utf8')
    .replaceAll('handoff_migrate', `"${migrateRole}"`)
    .replaceAll('handoff_app', `"${appRole}"`)
    .replace(/:'\w+_password'/g, `'${password}'`)
    .replaceAll(':"DBNAME"', `"${database}"`);
  const urlOf = (role: string) => {
    const url = new URL(TEST_DATABASE_URL);
    url.username = role;
    url.password = password;
    url.pathname = `/${database}`;
    return url.toString();
  };
  const ownerUrl = new URL(TEST_DATABASE_URL);
  ownerUrl.pathname = `/${database}`;
  const owner = new Client({ connectionString: ownerUrl.toString() });
  await owner.connect();
  try {
    await owner.query(statements);
  } finally {
    await owner.end();
  }
  return { migrateUrl: urlOf(migrateRole), appUrl: urlOf(appRole) };
}

beforeAll(async () => {
  admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
});

afterAll(async () => {
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  // The roles' objects and default privileges live in the databases, dropped first.
  for (const database of databases) await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  for (const role of roles) await admin.query(`DROP ROLE IF EXISTS "${role}"`);
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

  it("migrates as Compose's migrate user and serves as its app user, which has no DDL rights", async () => {
    const { migrateUrl, appUrl } = await databaseWithComposeUsers();
    const schema = APP;
    const job = await run(['migrate'], { DATABASE_URL: migrateUrl, DATABASE_SCHEMA: schema });
    expect(await job.exited()).toBe(0);

    const service = await run([], {
      DATABASE_URL: appUrl,
      DATABASE_SCHEMA: schema,
      DATABASE_MIGRATIONS_RUN: 'false',
      KAFKA_PROVISION_TOPICS: 'false',
    });
    try {
      await service.waitForStatus('/health/ready', 200);
    } finally {
      expect(await service.stop()).toBe(0);
    }
    const app = new Client({ connectionString: appUrl });
    await app.connect();
    try {
      await expect(app.query(`CREATE TABLE "${schema}".intruder (id int)`)).rejects.toThrow(/permission denied/);
      await expect(app.query('CREATE SCHEMA intruder')).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
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
  ])(
    'ends %s promptly with 143 while it waits on PostgreSQL to create its schema',
    async (_what, args, applicationName) => {
      const schema = freshSchema('sigterm');
      const blocker = await UncommittedSchema.create(schema);
      let child: ServiceProcess | undefined;
      try {
        child = await run(args, { DATABASE_SCHEMA: schema });
        await blocker.waitForWaiter(applicationName);

        const sent = Date.now();
        const code = await child.stop();

        expect(code).toBe(143);
        expect(Date.now() - sent).toBeLessThan(PROMPT_EXIT_MS);
        expect(child.log()).toContain('signal before the service started; exiting');
      } finally {
        await child?.kill();
        await blocker.release();
      }
    },
  );
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
