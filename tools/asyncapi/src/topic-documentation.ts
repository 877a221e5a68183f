import type { TopicKey } from '@handoff/contracts';

/** Handoff's services; they also write dead letters for the topics they consume. */
export const SERVICES = ['ingest', 'scoring', 'routing', 'quota', 'delivery'] as const;
/** Systems outside Handoff that produce to or consume from its topics. */
export const EXTERNAL_PARTIES = ['marketing-tools', 'sales-systems'] as const;
export type Party = (typeof SERVICES)[number] | (typeof EXTERNAL_PARTIES)[number];

export interface TopicDocumentation {
  description: string;
  /** What the record key is, in words (its schema comes from the topic's key class). */
  key: string;
  producers: readonly Party[];
  consumers: readonly Party[];
}

/** Who produces and consumes each topic (README, "Architecture"); typed by topic so a new topic must be added. */
export const TOPIC_DOCUMENTATION: Readonly<Record<TopicKey, TopicDocumentation>> = {
  engagementInbound: {
    description: 'Engagement in the native shape, produced by marketing tools.',
    key: 'anonymous id, else user id, else lower-cased email',
    producers: ['marketing-tools'],
    consumers: ['ingest'],
  },
  engagementRecorded: {
    description: 'A validated, de-duplicated engagement tied to one lead.',
    key: 'lead id',
    producers: ['ingest'],
    consumers: ['scoring'],
  },
  leadMerged: {
    description: 'Two leads found to be one person.',
    key: 'surviving lead id',
    producers: ['ingest'],
    consumers: ['scoring'],
  },
  leadScored: {
    description: "A lead's behaviour and fit score, grade, stage and top factors.",
    key: 'lead id',
    producers: ['scoring'],
    consumers: ['delivery', 'sales-systems'],
  },
  leadQualified: {
    description: 'The lead became an MQL, with the profile routing matched on before v2 (kept for existing consumers).',
    key: 'lead id',
    producers: ['scoring'],
    consumers: ['sales-systems'],
  },
  leadQualifiedV2: {
    description:
      'The lead became an MQL: v1 plus the profile summary (company, title, seniority, product interest, lead source) and top factors. Scoring publishes it beside v1.',
    key: 'lead id',
    producers: ['scoring'],
    consumers: ['routing', 'delivery'],
  },
  leadRouted: {
    description:
      'One assignment (or reassignment) of a qualification to a rep: the lead summary a rep acts on, the rule, pool, strategy and reason, the SLA deadline, a decision-trace summary and where to read the contact.',
    key: 'lead id',
    producers: ['routing'],
    consumers: ['quota', 'delivery', 'sales-systems'],
  },
  salesActivity: {
    description: 'Accepted, rejected, won or lost, from sales systems.',
    key: 'lead id',
    producers: ['sales-systems'],
    consumers: ['routing', 'quota', 'scoring'],
  },
  crmOutcome: {
    description:
      'What a CRM reports beyond sales.activity.v1: a meeting held, a deal created, reopened or its amount corrected.',
    key: 'rep id',
    producers: ['sales-systems'],
    consumers: ['quota'],
  },
  repCapacity: {
    description: "A rep's quota attainment and open-lead capacity; compacted, so the latest value per rep is kept.",
    key: 'rep id',
    producers: ['quota'],
    consumers: ['routing', 'delivery'],
  },
};

/**
 * Headers Handoff's producers write on every event (libs/platform/kafka event-producer; documented-headers.spec.ts
 * keeps the names equal). Producers outside
 * Handoff may omit them: consumers fall back to the value's correlationId.
 */
export const EVENT_HEADERS: Readonly<Record<string, string>> = {
  'x-correlation-id': "the value's correlationId, so a consumer can log it before decoding the value",
  'event-id': "the value's eventId",
  'schema-version': "the value's schemaVersion, as a decimal string",
  'content-type': 'application/json',
};

/**
 * W3C Trace Context headers Handoff's producers add only while tracing is on (the OTEL_* settings); a consumer
 * continues the trace they name (documented-headers.spec.ts keeps the names equal to libs/platform/observability's).
 */
export const TRACE_HEADERS: Readonly<Record<string, string>> = {
  traceparent: 'W3C Trace Context: the trace and the producing span this record continues (only with tracing on)',
  tracestate: 'W3C Trace Context vendor state, when the trace has any (only with tracing on)',
};

/**
 * Headers a dead letter carries besides the original record's headers (libs/platform/kafka dead-letter.ts
 * writes them; documented-headers.spec.ts keeps the names equal).
 */
export const DEAD_LETTER_HEADERS: Readonly<Record<string, string>> = {
  'dlq-original-topic': 'the topic the record was consumed from',
  'dlq-original-partition': 'its partition, as a decimal string',
  'dlq-original-offset': 'its offset, as a decimal string',
  'dlq-error-class':
    'why it was dead-lettered and the error class, <poison|unclassified>/<error name> (e.g. poison/ContractViolationError, unclassified/Error: retry budget exhausted)',
  'dlq-error-message': 'the error message, at most 1024 characters',
  'dlq-attempts': 'how many times it was tried, as a decimal string',
  'dlq-failed-at': 'when it failed, ISO 8601',
};
