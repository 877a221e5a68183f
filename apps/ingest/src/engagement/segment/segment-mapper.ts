import { randomUUID } from 'node:crypto';
import { ContractViolationError, CUSTOM_TYPE_PATTERN, validatePayload, type Constructor } from '@handoff/contracts';
import type { IncomingAlias, IncomingCall, IncomingEngagement } from '../incoming-engagement';
import { normaliseEventName, type SegmentEventMapping } from './segment-event-mapping';
import {
  SegmentAliasDto,
  SegmentBatchItemTypeDto,
  SegmentGroupDto,
  SegmentIdentifyDto,
  type SegmentMessageDto,
  SegmentPageDto,
  SegmentTrackDto,
} from './segment-payload.dto';
import { flattenProperties } from './segment-properties';
import { eventTimeOf } from './segment-time';
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
    if (type === 'group') return { engagement: this.group(raw, receipt) };
    return { engagement: this.page(raw, receipt) };
  }

  alias(raw: unknown, receipt: SegmentReceipt): IncomingAlias {
    const call = validatePayload(SegmentAliasDto, raw, 'alias', { allowUnknownFields: true });
    assertNotBlank('alias', call, ['previousId', 'userId']);
    return {
      previousId: call.previousId,
      userId: call.userId,
      occurredAt: eventTimeOf(call, receipt.receivedAt),
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

  /** The company (or account) the person belongs to, recorded as a profile update with its traits. */
  group(raw: unknown, receipt: SegmentReceipt): IncomingEngagement {
    const call = parseCall(SegmentGroupDto, raw, 'group');
    const profile = profileFromTraits({ company: call.traits ?? {}, groupId: call.groupId });
    return {
      ...common(call, receipt),
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
  assertNotBlank(call, message, ['anonymousId', 'userId']);
  if (!message.anonymousId && !message.userId) {
    throw new ContractViolationError(call, [
      { field: 'userId', reasons: ['one of userId and anonymousId is required'] },
    ]);
  }
  return message;
}

/** Ids made only of spaces name nobody: rejected, naming the field, rather than treated as absent. */
function assertNotBlank<T extends object>(call: string, message: T, fields: (keyof T & string)[]): void {
  const blank = fields.filter((field) => typeof message[field] === 'string' && !(message[field] as string).trim());
  if (blank.length === 0) return;
  throw new ContractViolationError(
    call,
    blank.map((field) => ({ field, reasons: [`${field} must not be blank`] })),
  );
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
