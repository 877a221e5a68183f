import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Header (HTTP and Kafka) that carries the correlation id between services. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

interface CorrelationScope {
  correlationId: string;
  /** Extra log fields for the current unit of work: topic, partition, offset, lead id… */
  fields: Record<string, unknown>;
}

const storage = new AsyncLocalStorage<CorrelationScope>();

/**
 * Carries the correlation id of the request or message being handled through async calls, so
 * logs and produced events pick it up without passing it by hand.
 */
export const CorrelationContext = {
  run<T>(correlationId: string | undefined, fields: Record<string, unknown>, work: () => T): T {
    return storage.run({ correlationId: correlationId || randomUUID(), fields }, work);
  },

  /** The current correlation id, or a fresh one when called outside any scope. */
  correlationId(): string {
    return storage.getStore()?.correlationId ?? randomUUID();
  },

  fields(): Record<string, unknown> {
    const scope = storage.getStore();
    return scope ? { correlationId: scope.correlationId, ...scope.fields } : {};
  },

  /** Adds fields (e.g. the lead id once it is known) to the current scope's logs. */
  annotate(fields: Record<string, unknown>): void {
    const scope = storage.getStore();
    if (scope) Object.assign(scope.fields, fields);
  },
};
