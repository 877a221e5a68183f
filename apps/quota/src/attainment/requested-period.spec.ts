import { DomainError } from '@handoff/shared-errors';
import { requestedPeriod } from './requested-period';

const calendar = { fiscalYearStartMonth: 2, timeZone: 'UTC' };
const base = { field: 'period', calendar, defaultKind: 'quarter' as const, now: '2026-12-06T10:00:00Z' };

describe('requestedPeriod', () => {
  it('defaults to the fiscal period of the default kind holding now', () => {
    expect(requestedPeriod(base)).toEqual({
      id: 'FY2027-Q4',
      kind: 'quarter',
      start: '2026-11-01T00:00:00.000Z',
      end: '2027-02-01T00:00:00.000Z',
    });
  });

  it('resolves a fiscal id on the calendar when no quota stores the period', () => {
    expect(requestedPeriod({ ...base, id: 'FY2027-M01' })).toMatchObject({
      id: 'FY2027-M01',
      kind: 'month',
      start: '2026-02-01T00:00:00.000Z',
      end: '2026-03-01T00:00:00.000Z',
    });
  });

  it('takes a custom period as the quotas using it store it', () => {
    const stored = {
      id: 'h2-push',
      kind: 'custom',
      start: '2026-07-01T00:00:00.000Z',
      end: '2026-10-01T00:00:00.000Z',
    };

    expect(requestedPeriod({ ...base, id: 'h2-push', stored })).toBe(stored);
  });

  it('refuses an id that is neither, naming the field', () => {
    const refusal = (() => {
      try {
        requestedPeriod({ ...base, id: 'Q5', field: 'id' });
      } catch (error) {
        return error;
      }
    })();

    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'invalid',
      details: [{ field: 'id', reasons: [expect.stringContaining('is neither a fiscal period id')] }],
    });
  });
});
