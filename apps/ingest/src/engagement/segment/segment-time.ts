import { ContractViolationError, instantProblem } from '@handoff/contracts';

/** The time fields of a Segment call (all optional). */
export interface SegmentTimes {
  timestamp?: string;
  originalTimestamp?: string;
  sentAt?: string;
}

/**
 * Segment's rule: `timestamp` when given; otherwise the device's originalTimestamp corrected by the
 * device clock's offset (sentAt against our receipt time); otherwise receipt time. The correction comes
 * first and the window of a valid instant applies to its result: a device clock running a week ahead
 * still dates its events right. Throws ContractViolationError naming the field.
 */
export function eventTimeOf(message: SegmentTimes, receivedAt: string): string {
  if (message.timestamp) return checked('timestamp', message.timestamp);
  if (!message.originalTimestamp) return receivedAt;
  if (!message.sentAt) return checked('originalTimestamp', message.originalTimestamp);
  const skewMs = Date.parse(receivedAt) - deviceTime('sentAt', message.sentAt);
  const corrected = deviceTime('originalTimestamp', message.originalTimestamp) + skewMs;
  return checked('originalTimestamp', new Date(corrected).toISOString(), 'corrected by sentAt ');
}

/** An instant in the window, normalised to UTC with milliseconds as every service writes it. */
function checked(field: string, text: string, qualifier = ''): string {
  const problem = instantProblem(text);
  if (problem !== undefined) throw violation(field, `${field} ${qualifier}${problem}`);
  return new Date(text).toISOString();
}

/** A device clock's reading: an instant from 2000 on, but any distance ahead (the window applies once corrected). */
function deviceTime(field: string, text: string): number {
  const problem = instantProblem(text, Number.POSITIVE_INFINITY);
  if (problem !== undefined) throw violation(field, `${field} ${problem}`);
  return Date.parse(text);
}

function violation(field: string, reason: string): ContractViolationError {
  return new ContractViolationError('segment call', [{ field, reasons: [reason] }]);
}
