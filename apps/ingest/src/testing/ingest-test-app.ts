import { randomBytes, randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { createServiceApp } from '@handoff/platform-runtime';
import {
  dropSchema,
  type HttpCallOptions,
  type HttpCallResponse,
  httpCall,
  TopicReader,
  TEST_REDIS_URL,
  TopicWriter,
} from '@handoff/testing';
import { DataSource } from 'typeorm';
import { IngestConfig } from '../app/ingest.config';
import { INGEST_APP_OPTIONS } from '../app/ingest-app.options';
import type { BatchResponseBody } from '../engagement/ingestion-result';
import type { IssuedSourceView, SourceView } from '../sources/source.dto';

/** How ingest recorded an accepted event. */
export interface AcceptedEvent {
  eventId: string;
  leadId: string;
}

export interface IngestTestApp {
  /** Where the app listens, for clients (SDKs) that make their own requests. */
  baseUrl: string;
  request(method: string, path: string, options?: HttpCallOptions): Promise<HttpCallResponse>;
  /** POSTs one event (with a fresh messageId) and returns how it was recorded; fails unless it was accepted. */
  sendAccepted(path: string, headers: Record<string, string>, body: object): Promise<AcceptedEvent>;
  createSource(request?: { name?: string; requireSignature?: boolean }): Promise<IssuedSourceView>;
  revokeSource(id: string): Promise<SourceView>;
  /** A query on the app's own schema, to check what it stored. */
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
  /** One of the app's providers. */
  get<T>(token: Type<T>): T;
  /** Closes the app (consumers, producer, pools) and drops its schema. */
  close(): Promise<void>;
}

let started = false;

/**
 * The whole ingest service as production runs it (AppModule, body limits, error mapping, raw bodies for
 * signatures) on a fresh schema and its own inbound consumer group, listening on a free port.
 *
 * The config is read from process.env when AppModule is first imported, so the environment is set
 * before the import; Jest gives every test file its own module registry, hence one app per file.
 */
export async function startIngestTestApp(env: Record<string, string> = {}): Promise<IngestTestApp> {
  if (started) throw new Error('one ingest test app per test file: AppModule reads its config once, when imported');
  started = true;
  const suffix = randomBytes(5).toString('hex');
  const schema = `ingest_int_${suffix}`;
  Object.assign(process.env, {
    DATABASE_SCHEMA: schema,
    INGEST_INBOUND_GROUP_ID: `ingest-int-${suffix}`,
    REDIS_URL: onTestRedisDatabase(TEST_REDIS_URL),
    // The shortest window: the tests' de-duplication keys expire on their own soon after the run.
    INGEST_DEDUPE_WINDOW_SECONDS: '60',
    LOG_LEVEL: 'error',
    ...env,
  });
  const { AppModule } = await import('../app/app.module');
  const app = await createServiceApp(AppModule, INGEST_APP_OPTIONS);
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    throw error;
  }
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const config = app.get(IngestConfig);
  const request = (method: string, path: string, options: HttpCallOptions = {}) =>
    httpCall(baseUrl, method, path, options);
  const admin = async (path: string, body?: unknown) => {
    const response = await request('POST', path, {
      body: body ?? {},
      headers: { authorization: `Bearer ${config.INGEST_ADMIN_TOKEN}` },
    });
    if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}`);
    return response.body;
  };

  return {
    baseUrl,
    request,
    async sendAccepted(path, headers, body) {
      const response = await request('POST', path, { headers, body: { messageId: randomUUID(), ...body } });
      const [result] = (response.body as BatchResponseBody).results ?? [];
      if (response.status !== 200 || result?.status !== 'accepted') {
        throw new Error(`${path} answered ${response.status} ${JSON.stringify(response.body)}`);
      }
      return { eventId: result.eventId, leadId: result.leadId };
    },
    createSource: async (source = {}) =>
      (await admin('/admin/sources', { name: `int test ${suffix}`, ...source })) as IssuedSourceView,
    revokeSource: async (id) => (await admin(`/admin/sources/${id}/revoke`)) as SourceView,
    query: (sql, parameters) => app.get(DataSource).query(sql, parameters),
    get: (token) => app.get(token),
    async close() {
      // The app first, so that no relay or consumer still queries the schema being dropped.
      await app.close();
      await dropSchema(schema, config.DATABASE_URL);
    },
  };
}

/**
 * Every ingest instance on a broker consumes engagement.inbound.v1, and they share de-duplication keys
 * in Redis: a local dev server or a benchmark run could claim a test's inbound record and record it
 * under its own leads. The tests' instances use their own Redis database, so theirs always records it
 * (the other instance's copy, under a lead the test never sees, is filtered out by lead id).
 */
const TEST_REDIS_DATABASE = 11;

function onTestRedisDatabase(redisUrl: string): string {
  const url = new URL(redisUrl);
  url.pathname = `/${TEST_REDIS_DATABASE}`;
  return url.toString();
}

/** An ingest app with one source, a reader of some topics from now on and a raw writer: what the stream tests share. */
export interface IngestStreamsTestBed {
  ingest: IngestTestApp;
  source: IssuedSourceView;
  reader: TopicReader;
  writer: TopicWriter;
  close(): Promise<void>;
}

export async function startIngestStreamsTestBed(
  readTopics: string[],
  env: Record<string, string> = {},
): Promise<IngestStreamsTestBed> {
  const ingest = await startIngestTestApp(env);
  const [source, reader, writer] = await Promise.all([
    ingest.createSource(),
    TopicReader.startAtEnd(readTopics),
    TopicWriter.connect(),
  ]);
  return {
    ingest,
    source,
    reader,
    writer,
    close: async () => {
      await Promise.all([reader.stop(), writer.disconnect(), ingest.close()]);
    },
  };
}

/** The Authorization header a Segment or RudderStack SDK sends: the write key as the Basic user name. */
export function basicAuth(writeKey: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` };
}

export function bearerAuth(writeKey: string): Record<string, string> {
  return { authorization: `Bearer ${writeKey}` };
}
