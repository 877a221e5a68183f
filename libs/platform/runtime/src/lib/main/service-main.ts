import { Logger, type Type } from '@nestjs/common';
import { LOG_LEVELS, type LogLevelName } from '@handoff/platform-config';
import { JsonLogger } from '@handoff/platform-observability';
import { type ServiceAppOptions, serveService } from '../bootstrap-service';
import type { ServiceConfig } from '../service.config';
import type { ServiceRuntimeOptions } from '../service-runtime.module';
import { jobSettingsOf, migrateServiceSchema, provisionTopics, serviceTopicSpecs } from './service-jobs';
import { ShutdownOnSignals, type SignalTarget } from './shutdown-on-signals';

/** What a service's main.ts hands over: its runtime description, its app module and its HTTP options. */
export interface ServiceMain<C extends ServiceConfig> {
  /** The same object the AppModule passes to ServiceRuntimeModule.forRoot. */
  runtime: ServiceRuntimeOptions<C>;
  /**
   * Loaded only to serve: declaring the AppModule validates the service's whole configuration, secrets included,
   * which the one-off jobs neither have nor need.
   */
  loadAppModule: () => Promise<Type>;
  appOptions?: ServiceAppOptions;
}

/** Where a main runs: its arguments, environment and process (tests pass their own). */
export interface MainProcess {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  target: SignalTarget;
  /** Where log lines go; stdout unless a test reads them. */
  write?: (line: string) => void;
}

export const SERVICE_COMMANDS = ['serve', 'migrate', 'topics'] as const;
export type ServiceCommand = (typeof SERVICE_COMMANDS)[number];

/** sysexits.h EX_USAGE: the command line was wrong, not the environment. */
export const EXIT_USAGE = 64;

const USAGE = 'usage: node main.js [serve | migrate | topics]';

/**
 * The entrypoint of every service image. Signal handling comes first, before any boot work, then the command:
 * - `serve` (or none): the service, migrating and provisioning at boot as DATABASE_MIGRATIONS_RUN and
 *   KAFKA_PROVISION_TOPICS say;
 * - `migrate`: creates the service's schema and applies its pending migrations, then exits 0;
 * - `topics`: creates the missing contract and dead-letter topics with KAFKA_REPLICATION_FACTOR and
 *   KAFKA_MIN_INSYNC_REPLICAS, then exits 0.
 * Any failure is logged as one JSON line and exits 1, so a Job or an init container reports it. Stack traces
 * point into the TypeScript sources when Node runs with `--enable-source-maps` (the image sets it in NODE_OPTIONS;
 * enabling it from here would be too late, main.js is already loaded).
 */
export async function runServiceMain<C extends ServiceConfig>(
  main: ServiceMain<C>,
  { argv, env, target, write }: MainProcess = { argv: process.argv.slice(2), env: process.env, target: process },
): Promise<void> {
  const logger = new JsonLogger({ service: main.runtime.service, level: logLevelOf(env), write });
  // Nest's static Logger (TypeORM, kafkajs, the provisioner) writes JSON from the first line, jobs included.
  Logger.overrideLogger(logger);
  const signals = new ShutdownOnSignals(logger, target).install();
  const command = argv[0] ?? 'serve';
  if (!isServiceCommand(command)) {
    logger.error({ msg: `unknown command ${JSON.stringify(command)}; ${USAGE}` });
    target.exit(EXIT_USAGE);
    return;
  }
  try {
    await runCommand(command, main, env, signals, logger);
    if (command !== 'serve') target.exit(0);
  } catch (error) {
    logger.error({ msg: `${command} failed` }, error);
    target.exit(1);
  }
}

async function runCommand<C extends ServiceConfig>(
  command: ServiceCommand,
  main: ServiceMain<C>,
  env: Record<string, string | undefined>,
  signals: ShutdownOnSignals,
  logger: JsonLogger,
): Promise<void> {
  const { runtime } = main;
  switch (command) {
    case 'serve':
      return serveService(await main.loadAppModule(), runtime.service, signals, main.appOptions);
    case 'migrate': {
      const settings = jobSettingsOf(runtime.config, env);
      const applied = await migrateServiceSchema(runtime, settings);
      logger.log({ msg: 'migrations applied', schema: settings.DATABASE_SCHEMA, applied });
      return;
    }
    case 'topics': {
      const settings = jobSettingsOf(runtime.config, env);
      const wanted = serviceTopicSpecs();
      const created = await provisionTopics(settings, wanted);
      logger.log({
        msg: 'topics provisioned',
        wanted: wanted.length,
        created,
        replicationFactor: settings.KAFKA_REPLICATION_FACTOR,
        minInsyncReplicas: settings.KAFKA_MIN_INSYNC_REPLICAS,
      });
      return;
    }
  }
}

function isServiceCommand(command: string): command is ServiceCommand {
  return (SERVICE_COMMANDS as readonly string[]).includes(command);
}

/** LOG_LEVEL before the config is validated: an invalid value is reported by the validation, info meanwhile. */
function logLevelOf(env: Record<string, string | undefined>): LogLevelName {
  const level = env['LOG_LEVEL'];
  return (LOG_LEVELS as readonly string[]).includes(level ?? '') ? (level as LogLevelName) : 'info';
}
