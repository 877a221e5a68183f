import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OwnedProcess } from './owned-process';

const run = promisify(execFile);

export interface KafkaBrokerOptions {
  workspaceRoot: string;
  /** Where the config, log dir and broker log go. */
  directory: string;
  port: number;
  controllerPort: number;
  readyTimeoutMs?: number;
  /** A second listener that requires SASL (PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512) for this one user. */
  sasl?: { port: number; username: string; password: string };
}

/**
 * A single-node KRaft broker of the run's own: scripts/infra's assembled jars and config settings, with its
 * own ports and log dir. Restarts keep the log dir, so topics, offsets and groups survive them.
 */
export class KafkaBroker {
  private process?: OwnedProcess;
  private classpath = '';
  private log4jConfig = '';
  private readonly config: string;
  private readonly logPath: string;

  constructor(private readonly options: KafkaBrokerOptions) {
    this.config = join(options.directory, 'server.properties');
    this.logPath = join(options.directory, 'kafka.log');
  }

  get address(): string {
    return `127.0.0.1:${this.options.port}`;
  }

  /** The SASL listener's address, when the broker has one. */
  get saslAddress(): string | undefined {
    return this.options.sasl && `127.0.0.1:${this.options.sasl.port}`;
  }

  get pid(): number | undefined {
    return this.process?.running ? this.process.pid : undefined;
  }

  /** Writes the config and formats the log dir once; then `start`. */
  async prepare(): Promise<void> {
    const dataDir = join(this.options.directory, 'data');
    mkdirSync(dataDir, { recursive: true });
    const script = join(this.options.workspaceRoot, 'scripts/infra/kafka-config.sh');
    const { port, controllerPort } = this.options;
    const { stdout } = await run('bash', [script, this.config, String(port), String(controllerPort), dataDir]);
    const [libDir, log4jConfig] = stdout.trim().split('\n');
    this.classpath = `${libDir}/*`;
    this.log4jConfig = log4jConfig;
    const format = ['kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', this.config];
    if (this.options.sasl) format.push(...this.addSaslListener(this.options.sasl));
    await run('java', [...this.jvmArgs(), ...format]);
  }

  async start(): Promise<void> {
    this.process = OwnedProcess.spawn('kafka', 'java', [...this.jvmArgs(), 'kafka.Kafka', this.config], this.logPath);
    await this.waitReady();
  }

  async stop(): Promise<void> {
    await this.process?.stop();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  freeze(): void {
    this.process?.freeze();
  }

  thaw(): void {
    this.process?.thaw();
  }

  /**
   * Adds the SASL listener to the config and returns the format options that store the user's SCRAM
   * credentials: in KRaft they live in the cluster metadata, seeded when the log dir is formatted.
   */
  private addSaslListener(sasl: NonNullable<KafkaBrokerOptions['sasl']>): string[] {
    const { port, controllerPort } = this.options;
    const listener = 'listener.name.sasl_plaintext';
    const scramModule = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
    const plainModule = `org.apache.kafka.common.security.plain.PlainLoginModule required user_${sasl.username}="${sasl.password}";`;
    const lines = [
      `listeners=PLAINTEXT://127.0.0.1:${port},SASL_PLAINTEXT://127.0.0.1:${sasl.port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port},SASL_PLAINTEXT://127.0.0.1:${sasl.port}`,
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT',
      'sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
      `${listener}.plain.sasl.jaas.config=${plainModule}`,
      `${listener}.scram-sha-256.sasl.jaas.config=${scramModule}`,
      `${listener}.scram-sha-512.sasl.jaas.config=${scramModule}`,
    ];
    // Later keys win in a properties file: these replace the generated listener lines.
    appendFileSync(this.config, `\n# SASL listener (KafkaBroker options.sasl)\n${lines.join('\n')}\n`);
    return ['SCRAM-SHA-256', 'SCRAM-SHA-512'].flatMap((mechanism) => [
      '--add-scram',
      `${mechanism}=[name=${sasl.username},password=${sasl.password}]`,
    ]);
  }

  private jvmArgs(): string[] {
    return ['-Xms256m', '-Xmx768m', `-Dlog4j2.configurationFile=${this.log4jConfig}`, '-cp', this.classpath];
  }

  /** Ready means what the services need: a group joined and a record round-tripped (scripts/infra/kafka-ready.js). */
  private async waitReady(): Promise<void> {
    const deadline = Date.now() + (this.options.readyTimeoutMs ?? 90_000);
    const probe = join(this.options.workspaceRoot, 'scripts/infra/kafka-ready.js');
    for (;;) {
      if (!this.process?.running) throw new Error(`the fault-test broker exited during startup, see ${this.logPath}`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`the fault-test broker was not ready in time, see ${this.logPath}`);
      const env = { ...process.env, KAFKA_BROKERS: this.address, KAFKA_READY_TIMEOUT_MS: String(remaining) };
      const ready = await run(process.execPath, [probe], { env }).then(
        () => true,
        () => false,
      );
      if (ready) return;
    }
  }
}

/** A KRaft cluster id: 16 random bytes, base64url; never starting with '-', which the tool would read as an option. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
