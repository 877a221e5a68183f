import type { HistoryPage, LedgerEntry } from '../../api/scoring';
import { followHistory, scoreOverTime } from './score-history';

function entry(id: string, recordedAt: string, previousAwarded: number, awarded: number): LedgerEntry {
  return { id, kind: 'awarded', ruleId: 'r', occurredAt: recordedAt, recordedAt, previousAwarded, awarded };
}

describe('scoreOverTime', () => {
  it('adds each change to the running total, merging changes recorded at the same instant', () => {
    const points = scoreOverTime([
      entry('2', '2026-01-02T00:00:00Z', 0, 5),
      entry('1', '2026-01-01T00:00:00Z', 0, 10),
      entry('3', '2026-01-02T00:00:00Z', 10, 4),
    ]);
    expect(points).toEqual([
      { at: Date.parse('2026-01-01T00:00:00Z'), points: 10 },
      { at: Date.parse('2026-01-02T00:00:00Z'), points: 9 },
    ]);
  });

  it('answers no points for an empty ledger', () => {
    expect(scoreOverTime([])).toEqual([]);
  });
});

describe('followHistory', () => {
  const pages: Record<string, HistoryPage> = {
    first: { items: [entry('1', '2026-01-01T00:00:00Z', 0, 1)], nextCursor: 'c2' },
    c2: { items: [entry('2', '2026-01-02T00:00:00Z', 0, 1)], nextCursor: 'c3' },
    c3: { items: [entry('3', '2026-01-03T00:00:00Z', 0, 1)], nextCursor: null },
  };
  const fetchPage = async (cursor: string | undefined) => pages[cursor ?? 'first'];

  it('follows cursors to the last page', async () => {
    const history = await followHistory(fetchPage, 5);
    expect(history.entries.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(history.complete).toBe(true);
  });

  it('stops after the page limit and says the history is cut', async () => {
    const history = await followHistory(fetchPage, 2);
    expect(history.entries.map((e) => e.id)).toEqual(['1', '2']);
    expect(history.complete).toBe(false);
  });
});
