/** Header names every event carries next to its value, so consumers can route and log before decoding. */
export const EVENT_ID_HEADER = 'event-id';
export const SCHEMA_VERSION_HEADER = 'schema-version';
export const CONTENT_TYPE_HEADER = 'content-type';
export const JSON_CONTENT_TYPE = 'application/json';

export type RecordHeaders = Record<string, string>;

/** An already-encoded record, e.g. a row of an outbox table. */
export interface RawRecord {
  topic: string;
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers: RecordHeaders;
}

/** One decoded, validated message handed to a consumer's handler. */
export interface ConsumedMessage<V> {
  value: V;
  key: string | null;
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit, so they stay strings. */
  offset: string;
  headers: RecordHeaders;
  correlationId: string;
}

/** A message as fetched, before decoding: what a dead letter copies byte for byte. */
export interface FetchedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeaders;
}

type WireHeaderValue = Buffer | string | (Buffer | string)[] | undefined;

/** Flattens wire headers to strings; a repeated header keeps its last value. */
export function toRecordHeaders(headers: Record<string, WireHeaderValue> | undefined): RecordHeaders {
  const result: RecordHeaders = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) result[name] = value.toString();
  }
  return result;
}
