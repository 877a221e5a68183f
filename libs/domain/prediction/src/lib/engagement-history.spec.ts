import {
  combineEngagementHistories,
  EMPTY_ENGAGEMENT_HISTORY,
  engagementHistoryAsOf,
  type EngagementFact,
  velocityAt,
} from './engagement-history';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');

describe('combineEngagementHistories', () => {
  const first: EngagementFact[] = [
    { type: 'page_view', at: T0 },
    { type: 'email_click', at: T0 + 2 * DAY },
  ];
  const second: EngagementFact[] = [
    { type: 'page_view', at: T0 + DAY },
    { type: 'demo_request', at: T0 + 5 * DAY },
  ];

  it('equals the history of both leads’ engagements folded together', () => {
    const combined = combineEngagementHistories(
      engagementHistoryAsOf(first, Infinity),
      engagementHistoryAsOf(second, Infinity),
    );
    const together = engagementHistoryAsOf([...first, ...second], Infinity);

    expect(combined.counts).toEqual(together.counts);
    expect(combined.lastAt).toEqual(together.lastAt);
    expect(combined.firstAt).toBe(together.firstAt);
    expect(velocityAt(combined, T0 + 6 * DAY)).toBeCloseTo(velocityAt(together, T0 + 6 * DAY), 10);
  });

  it('leaves a history unchanged when combined with an empty one', () => {
    const history = engagementHistoryAsOf(first, Infinity);

    expect(combineEngagementHistories(EMPTY_ENGAGEMENT_HISTORY, history)).toEqual(history);
  });
});
