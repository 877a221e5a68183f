import type { SalesActivityV1 } from '@handoff/contracts';

/** One validated outcome from a sales system: the event's fields, keyed by the sender's message id. */
export type IncomingSalesActivity = Omit<SalesActivityV1, 'eventId' | 'schemaVersion'> & { messageId: string };
