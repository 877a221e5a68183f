import { compareText } from '../compare-text';

/** A half-open span `[start, end)` in any unit, of the item at `index` in the input. */
export interface IndexedSpan {
  index: number;
  group: string;
  start: number;
  end: number;
}

/** Each span that begins before an earlier-starting span of its group has ended, with that earlier span. */
export function overlapsWithinGroups(
  spans: readonly IndexedSpan[],
): Array<{ span: IndexedSpan; overlapped: IndexedSpan }> {
  const ordered = [...spans].sort((a, b) => compareText(a.group, b.group) || a.start - b.start || a.index - b.index);
  const found: Array<{ span: IndexedSpan; overlapped: IndexedSpan }> = [];
  let reaching: IndexedSpan | undefined; // the span of the current group that reaches furthest
  for (const span of ordered) {
    const sameGroup = reaching?.group === span.group;
    if (reaching && sameGroup && reaching.end > span.start) found.push({ span, overlapped: reaching });
    if (!reaching || !sameGroup || span.end > reaching.end) reaching = span;
  }
  return found;
}
