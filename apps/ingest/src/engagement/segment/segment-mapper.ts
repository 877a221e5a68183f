import { randomUUID } from 'node:crypto';
import { ContractViolationError, CUSTOM_TYPE_PATTERN, validatePayload, type Constructor } from '@handoff/contracts';
import type { IncomingAlias, IncomingCall, IncomingEngagement } from '../incoming-engagement';
import { normaliseEventName, type SegmentEventMapping } from './segment-event-mapping';
import {
  SegmentAliasDto,
  SegmentBatchItemTypeDto,
  SegmentIdentifyDto,
  type SegmentMessageDto,
  SegmentPageDto,
  SegmentTrackDto,
} from './segment-payload.dto';
import { flattenProperties } from './segment-properties';
import { profileFromTraits } from './segment-traits';

export interface SegmentReceipt {
  receivedAt: string;
  correlationId: string;
}

/** Validates Segment calls (extra Segment fields allowed) and maps them to Handoff engagements. */
export class SegmentMapper {
  private readonly trackTypes: Map<string, IncomingEngagement['type']>;
  private readonly pricingPath: RegExp;

  constructor(mapping: SegmentEventMapping) {
    this.trackTypes = new Map(Object.entries(mapping.track).map(([name, type]) => [normaliseEventName(name), type]));
    this.pricingPath = new RegExp(mapping.pricingPathPattern);
  }

  /** One item of a batch, by its `type`. */
  batchItem(raw: unknown, receipt: SegmentReceipt): IncomingCall {
    const { type } = validatePayload(SegmentBatchItemTypeDto, raw, 'batch item', { allowUnknownFields: true });
    if (type === 'alias') return { alias: this.alias(raw, receipt) };
    if (type === 'track') return { engagement: this.track(raw, receipt) };
    if (type === 'identify') return { engagement: this.identify(raw, receipt) };
    return { engagement: this.page(raw, receipt) };
  }

  alias(raw: unknown, receipt: SegmentReceipt): IncomingAlias {
    const call = validatePayload(SegmentAliasDto, raw, 'alias', { allowUnknownFields: true });
    return {
      previousId: call.previousId,
      userId: call.userId,
      occurredAt: call.timestamp ? new Date(call.timestamp).toISOString() : receipt.receivedAt,
      correlationId: receipt.correlationId,
    };
  }

  track(raw: unknown, receipt: SegmentReceipt): IncomingEngagement {
    const call = parseCall(SegmentTrackDto, raw, 'track');
    const type = this.trackTypes.get(normaliseEventName(call.event));
    return {
      ...common(call, receipt),
      ...(type ? { type } : { type: 'custom', customType: customTypeOf(call.event) }),
      properties: flattenProperties(call.properties),
    };
  }

  page(raw: unknown, receipt: SegmentReceipt): IncomingEngagement {
    const call = parseCall(SegmentPageDto, raw, 'page');
    const properties = flattenProperties({ ...call.properties, ...(call.name ? { name: call.name } : {}) });
    return {
      ...common(call, receipt),
      type: this.isPricingPage(properties) ? 'pricing_page_view' : 'page_view',
      properties,
    };
  }

  identify(raw: unknown, receipt: SegmentReceipt): IncomingEngagement {
    const call = parseCall(SegmentIdentifyDto, raw, 'identify');
    const profile = profileFromTraits(call.traits);
    const engagement = common(call, receipt);
    return {
      ...engagement,
      identity: { ...engagement.identity, ...(profile?.email ? { email: profile.email } : {}) },
      type: 'profile_update',
      properties: {},
      ...(profile ? { profile } : {}),
      linksIdentities: true,
    };
  }

  private isPricingPage(properties: Record<string, unknown>): boolean {
    const path = typeof properties['path'] === 'string' ? properties['path'] : pathOf(properties['url']);
    return path !== undefined && this.pricingPath.test(path);
  }
}

function parseCall<T extends SegmentMessageDto>(type: Constructor<T>, raw: unknown, call: string): T {
  const message = validatePayload(type, raw, call, { allowUnknownFields: true });
  if (!message.anonymousId && !message.userId) {
    throw new ContractViolationError(call, [
      { field: 'userId', reasons: ['one of userId and anonymousId is required'] },
    ]);
  }
  return message;
}

function common(message: SegmentMessageDto, receipt: SegmentReceipt) {
  return {
    // Without a messageId a retry cannot be recognised; Segment's libraries always send one.
    messageId: message.messageId ?? randomUUID(),
    occurredAt: eventTimeOf(message, receipt.receivedAt),
    identity: {
      ...(message.anonymousId ? { anonymousId: message.anonymousId } : {}),
      ...(message.userId ? { userId: message.userId } : {}),
    },
    linksIdentities: false,
    correlationId: receipt.correlationId,
  };
}

/**
 * Segment's rule: `timestamp` when given; otherwise the device's originalTimestamp corrected by the
 * device clock's offset (sentAt against our receipt time); otherwise receipt time.
 */
export function eventTimeOf(message: SegmentMessageDto, receivedAt: string): string {
  if (message.timestamp) return new Date(message.timestamp).toISOString();
  if (message.originalTimestamp && message.sentAt) {
    const skew = Date.parse(receivedAt) - Date.parse(message.sentAt);
    return new Date(Date.parse(message.originalTimestamp) + skew).toISOString();
  }
  return message.originalTimestamp ? new Date(message.originalTimestamp).toISOString() : receivedAt;
}

/** "G2 Review Posted!" → "G2_Review_Posted_": what the custom type rule allows, at most 64 characters. */
export function customTypeOf(eventName: string): string {
  const candidate = eventName
    .trim()
    .replace(/[^A-Za-z0-9_.:-]+/g, '_')
    .slice(0, 64);
  return CUSTOM_TYPE_PATTERN.test(candidate) ? candidate : `event_${candidate}`.slice(0, 64);
}

function pathOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}
