import { validatePayload } from '@handoff/contracts';
import type { IncomingCall } from '../engagement/incoming-engagement';
import { type CrmMapping, mapCrmPayload } from './crm-mapping';
import type { IncomingSalesActivity } from './incoming-sales-activity';
import { SalesActivityRequestDto } from './sales-activity.dto';

/** Validates one outcome (unknown fields rejected); event time defaults to receipt. */
export function parseSalesActivity(
  raw: unknown,
  receivedAt: string,
  correlationId: string,
): { salesActivity: IncomingSalesActivity } {
  const { occurredAt, ...activity } = validatePayload(SalesActivityRequestDto, raw, 'outcome');
  return { salesActivity: { ...activity, occurredAt: occurredAt ?? receivedAt, correlationId } };
}

/** A CRM webhook payload through its mapping, then validated like an outcome sent in Handoff's own shape. */
export function parseMappedSalesActivity(
  mapping: CrmMapping,
  raw: unknown,
  receivedAt: string,
  correlationId: string,
): IncomingCall {
  const mapped = mapCrmPayload(mapping, raw);
  return 'ignored' in mapped ? mapped : parseSalesActivity(mapped.outcome, receivedAt, correlationId);
}
