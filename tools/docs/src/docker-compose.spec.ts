import { parse } from 'yaml';
import { allSettings, configSources, readWorkspaceFile, secretSettings } from './declared-settings';

// docker-compose.yml and .env.example checked without a Docker engine (`docker compose config` needs one).

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
}

/** The pipeline services: the console calls each of them. */
const PIPELINE = ['ingest', 'scoring', 'routing', 'quota'] as const;
/** Every service that consumes topics, the webhook delivery service included. */
const APPS = [...PIPELINE, 'delivery'] as const;
/** The five services and the operator console: each built as an image with a migrate job of its own. */
const IMAGES = [...APPS, 'console'] as const;
const composeText = readWorkspaceFile('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const envExample = readWorkspaceFile('.env.example');
const settings = allSettings();

/** Names .env.example assigns, commented out (`# NAME=`) or not. */
const documented = new Set([...envExample.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
/** Values .env.example sets (uncommented lines). */
const exampleValues = new Map(
  [...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1], match[2]] as const),
);
const jobs = ['topics', ...IMAGES.map((app) => `migrate-${app}`)];
const builtFromDockerfile = Object.entries(services).filter(([, service]) => service.build);

describe('docker-compose.yml', () => {
  it('builds each service and its migrate job from the Dockerfile with that service as APP', () => {
    for (const app of IMAGES) {
      for (const name of [app, `migrate-${app}`]) {
        expect({ name, build: services[name].build, image: services[name].image }).toEqual({
          name,
          build: { context: '.', args: { APP: app } },
          image: `handoff/${app}:dev`,
        });
      }
    }
    expect(APPS).toContain(services['topics'].build?.args?.['APP']);
    for (const [, service] of builtFromDockerfile) expect(service.build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
  });

  it('runs the jobs once through the image entrypoint, and every service only after its migration and the topics', () => {
    for (const job of jobs) expect(services[job].restart).toBe('no');
    expect(services['topics'].command).toEqual(['topics']);
    for (const app of APPS) {
      expect(services[`migrate-${app}`]).toMatchObject({ command: ['migrate'], restart: 'no' });
      expect(services[app].depends_on).toMatchObject({
        topics: { condition: 'service_completed_successfully' },
        [`migrate-${app}`]: { condition: 'service_completed_successfully' },
        kafka: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
      expect(services[app].command).toBeUndefined();
    }
  });

  it('gives the infrastructure and every service a health check, the services on /health/ready of their port', () => {
    for (const name of ['kafka', 'postgres', 'redis'])
      expect(services[name].healthcheck?.test?.length).toBeGreaterThan(0);
    for (const app of IMAGES) {
      const port = services[app].environment?.['HTTP_PORT'];
      expect(port).toEqual(expect.any(Number));
      expect(services[app].healthcheck?.test?.join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
      expect(services[app].ports).toEqual([expect.stringMatching(new RegExp(`:${port}$`))]);
    }
  });

  it('starts the console after its migration and the four healthy services, calling them with their own tokens', () => {
    const console = services['console'];
    expect(console.command).toBeUndefined();
    expect(console.restart).toBe('unless-stopped');
    expect(console.depends_on).toMatchObject({
      'migrate-console': { condition: 'service_completed_successfully' },
      ...Object.fromEntries(PIPELINE.map((app) => [app, { condition: 'service_healthy' }])),
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    for (const app of PIPELINE) {
      const prefix = `CONSOLE_${app.toUpperCase()}`;
      const token = `${app.toUpperCase()}_ADMIN_TOKEN`;
      expect(console.environment?.[`${prefix}_URL`]).toBe(`http://${app}:${services[app].environment?.['HTTP_PORT']}`);
      expect(console.environment?.[`${prefix}_ADMIN_TOKEN`]).toBe(`\${${token}:-${exampleValues.get(token)}}`);
    }
    expect(console.environment?.['CONSOLE_INGEST_CONTACT_TOKEN']).toMatch(/^\$\{INGEST_CONTACT_TOKEN:-/);
  });

  it("lets delivery read contact details from ingest's HTTP port with ingest's contact token", () => {
    const delivery = services['delivery'].environment ?? {};
    const ingestPort = services['ingest'].environment?.['HTTP_PORT'];
    expect(delivery['DELIVERY_CONTACT_URL_TEMPLATE']).toBe(`http://ingest:${ingestPort}/leads/{leadId}/contact`);
    expect(delivery['DELIVERY_CONTACT_TOKEN']).toBe(
      `\${INGEST_CONTACT_TOKEN:-${exampleValues.get('INGEST_CONTACT_TOKEN')}}`,
    );
  });

  it('publishes every port on a host port that .env can override', () => {
    const published = Object.values(services).flatMap((service) => service.ports ?? []);
    expect(published.length).toBeGreaterThanOrEqual(7);
    for (const mapping of published) {
      const variable = /^\$\{([A-Z_]+_HOST_PORT):-\d+\}:\d+$/.exec(mapping)?.[1];
      expect({ mapping, overridable: variable !== undefined && documented.has(variable) }).toEqual({
        mapping,
        overridable: true,
      });
    }
  });

  it('advertises Kafka on one listener for the host and one for the containers, which use the latter', () => {
    const advertised = String(services['kafka'].environment?.['KAFKA_ADVERTISED_LISTENERS']);
    expect(advertised).toContain('localhost:${KAFKA_HOST_PORT:-9092}');
    expect(advertised).toContain('kafka:19092');
    for (const name of [...IMAGES, 'topics']) expect(services[name].environment?.['KAFKA_BROKERS']).toBe('kafka:19092');
  });

  it('migrates as the DDL user and serves as the data-only user, without migrating or provisioning at boot', () => {
    for (const app of IMAGES) {
      expect(String(services[`migrate-${app}`].environment?.['DATABASE_URL'])).toMatch(
        /^postgres:\/\/handoff_migrate:/,
      );
      expect(services[app].environment).toMatchObject({
        DATABASE_URL: expect.stringMatching(/^postgres:\/\/handoff_app:/),
        DATABASE_MIGRATIONS_RUN: 'false',
        KAFKA_PROVISION_TOPICS: 'false',
      });
    }
  });

  it('sets only settings the services declare, and interpolates only variables .env.example documents', () => {
    const set = builtFromDockerfile.flatMap(([, service]) => Object.keys(service.environment ?? {}));
    expect(set.filter((name) => !settings.includes(name))).toEqual([]);
    const interpolated = [...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]);
    expect(interpolated.length).toBeGreaterThan(0);
    expect([...new Set(interpolated)].filter((name) => !documented.has(name))).toEqual([]);
  });
});

describe('.env.example', () => {
  it('lists every setting of every service', () => {
    expect(settings.filter((setting) => !documented.has(setting))).toEqual([]);
  });

  it('asks for development mode, and holds only values production mode refuses for the secrets', () => {
    expect(exampleValues.get('NODE_ENV')).toBe('development');
    const secrets = configSources().flatMap((path) => secretSettings(readWorkspaceFile(path)));
    expect(secrets.map(({ setting }) => setting)).toEqual(
      expect.arrayContaining(['INGEST_SECRET_KEY', 'SCORING_ADMIN_TOKEN']),
    );
    for (const { setting, published } of secrets) {
      // Unset (commented out) is "missing" in production, a published default is "not a secret value": both refused.
      const value = exampleValues.get(setting);
      expect({ setting, refused: value === undefined || value === published }).toEqual({ setting, refused: true });
    }
  });
});
