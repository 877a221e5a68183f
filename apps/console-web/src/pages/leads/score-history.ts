import type { HistoryPage, LedgerEntry } from '../../api/scoring';

/** Follows a lead's ledger cursors, stopping after `maxPages` so a long history cannot stall the page. */
export async function followHistory(
  fetchPage: (cursor: string | undefined) => Promise<HistoryPage>,
  maxPages: number,
): Promise<{ entries: LedgerEntry[]; complete: boolean }> {
  const entries: LedgerEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await fetchPage(cursor);
    entries.push(...answer.items);
    if (!answer.nextCursor) return { entries, complete: true };
    cursor = answer.nextCursor;
  }
  return { entries, complete: false };
}

export interface ScorePoint {
  /** Epoch milliseconds of the change, for a time axis. */
  at: number;
  /** Behaviour points awarded so far, before decay. */
  points: number;
}

/** The running total of awarded points (before decay) after each recorded change, oldest first. */
export function scoreOverTime(entries: LedgerEntry[]): ScorePoint[] {
  const sorted = [...entries].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
  const points: ScorePoint[] = [];
  let total = 0;
  for (const entry of sorted) {
    total += entry.awarded - entry.previousAwarded;
    const at = Date.parse(entry.recordedAt);
    const last = points[points.length - 1];
    if (last && last.at === at) last.points = total;
    else points.push({ at, points: total });
  }
  return points;
}
