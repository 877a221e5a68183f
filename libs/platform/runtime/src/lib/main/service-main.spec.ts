import { EventEmitter } from 'node:events';
import { Logger, Module, type Type } from '@nestjs/common';
import { IsString, MinLength } from 'class-validator';
import { Secret } from '@handoff/platform-config';
import { ServiceConfig } from '../service.config';
import { EXIT_USAGE, runServiceMain, type ServiceMain } from './service-main';
import { jobSettingsOf } from './service-jobs';

class ExampleConfig extends ServiceConfig {
  override DATABASE_SCHEMA = 'example';
  override KAFKA_CLIENT_ID = 'example';

  @Secret()
  @IsString()
  @MinLength(16)
  EXAMPLE_ADMIN_TOKEN = 'local-admin-token-change-me';
}

@Module({})
class ExampleModule {}

class FakeProcess extends EventEmitter {
  readonly exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
}

function run(argv: string[], loadAppModule: () => Promise<Type>, env: Record<string, string> = {}) {
  const target = new FakeProcess();
  const lines: string[] = [];
  const main: ServiceMain<ExampleConfig> = {
    runtime: { service: 'example', config: ExampleConfig },
    loadAppModule,
  };
  const done = runServiceMain(main, { argv, env, target, write: (line) => lines.push(line) });
  const log = () => lines.join('');
  return { target, done, log };
}

afterAll(() => {
  // runServiceMain routes Nest's static Logger to its JSON logger; give the rest of this worker the default back.
  Logger.overrideLogger(['log', 'error', 'warn']);
});

describe('runServiceMain', () => {
  it('refuses an unknown command with the usage and EX_USAGE, loading nothing', async () => {
    const load = jest.fn(async () => ExampleModule);
    const { target, done, log } = run(['migrat'], load);
    await done;

    expect(target.exits).toEqual([EXIT_USAGE]);
    expect(log()).toContain('usage: node main.js [serve | migrate | topics]');
    expect(load).not.toHaveBeenCalled();
  });

  it('exits 143 on SIGTERM while the app is still being created (migrations, connections)', async () => {
    const neverBooted = new Promise<Type>(() => undefined);
    const { target } = run([], () => neverBooted);
    await new Promise((resolve) => setImmediate(resolve));

    target.emit('SIGTERM', 'SIGTERM');

    expect(target.exits).toEqual([143]);
  });

  it('exits 1 with one JSON line naming the setting when serving fails on the configuration', async () => {
    const { target, done, log } = run([], () => Promise.reject(new Error('Invalid configuration: EXAMPLE_TOKEN')));
    await done;

    expect(target.exits).toEqual([1]);
    const entry = JSON.parse(log().trim()) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'error', service: 'example', msg: 'serve failed' });
    expect(JSON.stringify(entry)).toContain('EXAMPLE_TOKEN');
  });

  it('runs a job without loading the app module and reports a bad setting of the job by name', async () => {
    const load = jest.fn(async () => ExampleModule);
    const { target, done, log } = run(['migrate'], load, { DATABASE_URL: 'mysql://elsewhere' });
    await done;

    expect(target.exits).toEqual([1]);
    expect(log()).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(load).not.toHaveBeenCalled();
  });
});

describe('jobSettingsOf', () => {
  it("takes the service's own defaults for the shared settings, and the environment over them", () => {
    expect(jobSettingsOf(ExampleConfig, {})).toMatchObject({ DATABASE_SCHEMA: 'example', KAFKA_CLIENT_ID: 'example' });
    expect(jobSettingsOf(ExampleConfig, { DATABASE_SCHEMA: 'other', KAFKA_REPLICATION_FACTOR: '3' })).toMatchObject({
      DATABASE_SCHEMA: 'other',
      KAFKA_REPLICATION_FACTOR: 3,
    });
  });

  it('treats an empty variable as unset, as the services do', () => {
    expect(jobSettingsOf(ExampleConfig, { DATABASE_SCHEMA: '' }).DATABASE_SCHEMA).toBe('example');
  });

  it("needs none of the service's secrets in production: a job runs with its own credentials only", () => {
    const settings = jobSettingsOf(ExampleConfig, { NODE_ENV: 'production' });
    expect(settings.NODE_ENV).toBe('production');
    expect(settings).not.toHaveProperty('EXAMPLE_ADMIN_TOKEN');
  });
});
