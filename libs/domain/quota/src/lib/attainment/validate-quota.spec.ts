import { quota } from '../../testing/builders';
import { validateQuota } from './validate-quota';

describe('validateQuota', () => {
  it('accepts a rep quota and a team quota with count targets only', () => {
    expect(validateQuota(quota())).toEqual([]);
    expect(
      validateQuota(quota({ owner: { kind: 'team', id: 'emea' }, targets: { dealsWon: 12, meetingsHeld: 40 } })),
    ).toEqual([]);
  });

  it('names every bad field, its period and curve included', () => {
    expect(
      validateQuota({
        id: '',
        owner: { kind: 'region' as never, id: 'emea west' },
        period: { id: 'FY2027-Q1', start: '2027-04-01T00:00:00Z', end: '2027-01-01T00:00:00Z' },
        targets: { revenue: { amount: -5, currency: 'Euro' }, dealsWon: 0, leadsAccepted: Number.POSITIVE_INFINITY },
        curve: {
          points: [
            [0, 0],
            [1, 0.9],
          ],
        },
      }),
    ).toEqual([
      'id: must be 1-128 letters, digits, _ . : - starting with a letter or digit',
      'owner.kind: must be one of rep, team, got "region"',
      'owner.id: must be 1-128 letters, digits, _ . : - starting with a letter or digit',
      'period.end: must be after start (2027-04-01T00:00:00Z), got 2027-01-01T00:00:00Z',
      'targets.revenue.amount: must be a positive number, got -5',
      'targets.revenue.currency: must be an ISO 4217 currency code such as EUR, got "Euro"',
      'targets.dealsWon: must be a positive number, got 0',
      'targets.leadsAccepted: must be a positive number, got Infinity',
      'curve.points[1]: must be [1, 1], got [1, 0.9]',
    ]);
  });

  it('refuses a quota without any target', () => {
    expect(validateQuota(quota({ targets: {} }))).toEqual([
      'targets: must set at least one of revenue, dealsWon, leadsAccepted, meetingsHeld',
    ]);
  });
});
