import { ContractViolationError, INSTANT_LIMITS } from '@handoff/contracts';
import { eventTimeOf } from './segment-time';

const RECEIVED_AT = new Date().toISOString();
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function issuesOf(act: () => unknown) {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(ContractViolationError);
    return (error as ContractViolationError).issues;
  }
  throw new Error('expected a ContractViolationError');
}

describe('eventTimeOf', () => {
  it('takes timestamp as it is, normalised to UTC', () => {
    expect(eventTimeOf({ timestamp: '2024-02-01T10:00:00+01:00' }, RECEIVED_AT)).toBe('2024-02-01T09:00:00.000Z');
  });

  it('corrects originalTimestamp by the device clock offset that sentAt reveals', () => {
    const time = eventTimeOf(
      { originalTimestamp: '2024-02-01T10:00:00Z', sentAt: '2024-02-01T10:05:00Z' },
      '2024-02-01T11:05:00Z',
    );

    expect(time).toBe('2024-02-01T11:00:00.000Z');
  });

  it('applies the future window after the correction: a device clock a week ahead still dates its events', () => {
    const time = eventTimeOf({ originalTimestamp: hoursFromNow(24 * 7), sentAt: hoursFromNow(24 * 7) }, RECEIVED_AT);

    expect(Math.abs(Date.parse(time) - Date.parse(RECEIVED_AT))).toBeLessThan(1000);
  });

  it('falls back to receipt time when the call carries no time', () => {
    expect(eventTimeOf({}, RECEIVED_AT)).toBe(RECEIVED_AT);
  });

  it.each([
    ['a week date', { timestamp: '2024-W05' }, 'timestamp'],
    ['a basic-format date', { timestamp: '20240101' }, 'timestamp'],
    ['a date far in the future', { timestamp: '9999-12-31T00:00:00Z' }, 'timestamp'],
    ['a date before the window', { timestamp: '1999-12-31T23:59:59Z' }, 'timestamp'],
    ['an unreadable originalTimestamp', { originalTimestamp: 'yesterday' }, 'originalTimestamp'],
    ['an unreadable sentAt', { originalTimestamp: '2024-02-01T10:00:00Z', sentAt: '2024-W05' }, 'sentAt'],
    [
      'a correction that lands past the window',
      { originalTimestamp: '2100-01-01T00:00:00Z', sentAt: '2024-01-01T00:00:00Z' },
      'originalTimestamp',
    ],
  ])('rejects %s with a contract violation naming the field', (_name, message, field) => {
    expect(issuesOf(() => eventTimeOf(message, RECEIVED_AT))).toEqual([
      { field, reasons: [expect.stringMatching(new RegExp(`^${field} `))] },
    ]);
  });

  it('names the window in its reason', () => {
    const [issue] = issuesOf(() => eventTimeOf({ timestamp: '1999-12-31T23:59:59Z' }, RECEIVED_AT));

    expect(issue.reasons[0]).toContain(INSTANT_LIMITS.earliest);
  });
});
