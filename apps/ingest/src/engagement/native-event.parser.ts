import { validatePayload } from '@handoff/contracts';
import type { IncomingCall } from './incoming-engagement';
import { NativeEventDto } from './native-event.dto';

/** Validates one native event (unknown fields rejected) and maps it to an engagement. */
export function parseNativeEvent(raw: unknown, receivedAt: string, correlationId: string): IncomingCall {
  const event = validatePayload(NativeEventDto, raw, 'event');
  const engagement = {
    messageId: event.messageId,
    type: event.type,
    ...(event.customType ? { customType: event.customType } : {}),
    occurredAt: event.occurredAt ?? receivedAt,
    identity: { ...event.identity, ...(event.identity.email ? {} : emailFromProfile(event)) },
    properties: event.properties ?? {},
    ...(event.profile ? { profile: event.profile } : {}),
    linksIdentities: event.type === 'profile_update',
    correlationId,
  };
  return { engagement };
}

/** A profile update naming only `profile.email` still identifies the person by it. */
function emailFromProfile(event: NativeEventDto): { email?: string } {
  return event.profile?.email ? { email: event.profile.email } : {};
}
