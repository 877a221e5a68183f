import { validatePayload } from '@handoff/contracts';
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
