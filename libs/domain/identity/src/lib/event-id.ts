import { createHash } from 'node:crypto';

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Namespace of the event ids ingest derives from source message ids. Changing it would give every replayed
 * message a new event id, so downstream de-duplication would count it twice: never change it.
 */
export const INGEST_EVENT_ID_NAMESPACE = '5b0f6a3e-2c1d-4f7a-9e8b-6d2c4a1f0e93';

/** RFC 4122 name-based UUID, version 5: SHA-1 of the namespace's 16 bytes followed by the UTF-8 name. */
export function uuidV5(namespace: string, name: string): string {
  if (!UUID_SHAPE.test(namespace)) throw new Error('uuidV5: the namespace must be a UUID');
  const digest = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The event id of a source's message: the same (source, message id) always gets the same id, so consumers
 * that de-duplicate by event id drop a replay even when ingest's own de-duplication window was lost. The
 * name is a JSON pair, so no choice of ids can make two different pairs share a name.
 */
export function deterministicEventId(namespace: string, sourceId: string, messageId: string): string {
  return uuidV5(namespace, JSON.stringify([sourceId, messageId]));
}
