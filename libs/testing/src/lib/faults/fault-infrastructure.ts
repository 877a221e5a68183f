import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InfrastructureAddresses } from '../infrastructure-addresses';
import { freePort } from '../test-infrastructure';
import { KafkaBroker } from './kafka-broker';
import { PostgresCluster } from './postgres-cluster';
import { RedisServer } from './redis-server';

/**
 * Kafka, PostgreSQL and Redis of the fault run's own, on its own ports and under one temp dir, so its faults
 * (stopping, freezing, restarting them) never touch the shared infrastructure other work uses. `stop` ends
 * all of it and removes the dir; so does SIGINT (Ctrl-C) or SIGTERM from the moment `start` begins.
 */
export class FaultInfrastructure {
  private stopping?: Promise<void>;
  private beforeInterruptStop: () => Promise<unknown> = async () => undefined;
  private readonly interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: tearing the fault infrastructure down`);
    void this.beforeInterruptStop()
      .catch(() => undefined)
      .then(() => this.stop())
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };

  private constructor(
    readonly directory: string,
    readonly kafka: KafkaBroker,
    readonly postgres: PostgresCluster,
    readonly redis: RedisServer,
  ) {}

  static async start(workspaceRoot: string): Promise<FaultInfrastructure> {
    const directory = mkdtempSync(join(tmpdir(), 'handoff-faults-'));
    // PostgreSQL's tools run as the postgres user when we are root: it must reach its own subdirectory.
    chmodSync(directory, 0o711);
    const dir = (name: string) => {
      mkdirSync(join(directory, name));
      return join(directory, name);
    };
    const [kafkaPort, controllerPort, postgresPort, redisPort] = await distinctFreePorts(4);
    const infrastructure = new FaultInfrastructure(
      directory,
      new KafkaBroker({ workspaceRoot, directory: dir('kafka'), port: kafkaPort, controllerPort }),
      new PostgresCluster({ directory: dir('postgres'), port: postgresPort }),
      new RedisServer({ directory: dir('redis'), port: redisPort }),
    );
    process.once('SIGINT', infrastructure.interrupted).once('SIGTERM', infrastructure.interrupted);
    try {
      await Promise.all([infrastructure.kafka.prepare(), infrastructure.postgres.prepare()]);
      await Promise.all([infrastructure.kafka.start(), infrastructure.postgres.start(), infrastructure.redis.start()]);
      return infrastructure;
    } catch (error) {
      await infrastructure.stop();
      throw error;
    }
  }

  get addresses(): InfrastructureAddresses {
    return { kafkaBrokers: [this.kafka.address], databaseUrl: this.postgres.url, redisUrl: this.redis.url };
  }

  /** The settings the services and the run's own clients read (KAFKA_BROKERS, DATABASE_URL, REDIS_URL). */
  get env(): Record<string, string> {
    return { KAFKA_BROKERS: this.kafka.address, DATABASE_URL: this.postgres.url, REDIS_URL: this.redis.url };
  }

  /** Stops everything this run started (each part even if another fails) and removes its files; safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      process.off('SIGINT', this.interrupted).off('SIGTERM', this.interrupted);
      const results = await Promise.allSettled([this.kafka.stop(), this.postgres.stop(), this.redis.stop()]);
      const failed = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed.length > 0) {
        console.error(`fault infrastructure: some part did not stop; files kept in ${this.directory}`);
        throw new AggregateError(
          failed.map((result) => result.reason),
          'fault infrastructure did not stop cleanly',
        );
      }
      rmSync(this.directory, { recursive: true, force: true });
    })();
    return this.stopping;
  }

  /** What a SIGINT/SIGTERM does before the teardown, e.g. stop the services that use this infrastructure. */
  onInterrupt(beforeStop: () => Promise<unknown>): void {
    this.beforeInterruptStop = beforeStop;
  }
}

/** `count` free ports, none repeated: each freePort call may hand back one the previous call just released. */
async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
