import type { Period } from '../periods/period';
import { isInstant, millisOf } from '../time/instant';
import { overlapsWithinGroups } from '../validation/overlaps';
import { IDENTIFIER_HINT, IDENTIFIER_PATTERN, IssueList, describeValue } from '../validation/issue-list';

/** A rep's membership of a team from `from` (inclusive) until `to` (exclusive; absent while it lasts). */
export interface TeamMembership {
  repId: string;
  teamId: string;
  from: string;
  to?: string;
}

/**
 * The rep's team at that instant, or undefined. A rep belongs to one team at a time (`validateTeamHistory` reports
 * overlaps); should two memberships overlap anyway, the one that started last wins.
 */
export function teamOfRepAt(memberships: readonly TeamMembership[], repId: string, at: string): string | undefined {
  const instant = millisOf(at, 'at');
  const current = memberships
    .filter((m) => m.repId === repId && covers(m, instant))
    .sort((a, b) => millisOf(b.from) - millisOf(a.from));
  return current[0]?.teamId;
}

/** The share (0..1) of the period the rep spent in the team, e.g. 0.5 for a move at half time. */
export function shareOfPeriodInTeam(
  memberships: readonly TeamMembership[],
  repId: string,
  teamId: string,
  period: Period,
): number {
  const start = millisOf(period.start, 'period.start');
  const end = millisOf(period.end, 'period.end');
  const inTeam = memberships
    .filter((m) => m.repId === repId && m.teamId === teamId)
    .map((m) => Math.max(0, Math.min(end, endOf(m)) - Math.max(start, millisOf(m.from))))
    .reduce((sum, millis) => sum + millis, 0);
  return Math.min(1, inTeam / (end - start));
}

/** The reps who belonged to the team at any time in the period, sorted. */
export function teamMembersDuring(memberships: readonly TeamMembership[], teamId: string, period: Period): string[] {
  const start = millisOf(period.start, 'period.start');
  const end = millisOf(period.end, 'period.end');
  const reps = memberships
    .filter((m) => m.teamId === teamId && millisOf(m.from) < end && endOf(m) > start)
    .map((m) => m.repId);
  return [...new Set(reps)].sort();
}

/** Every problem of a team history, as `memberships[i].field: reason`; empty when valid. */
export function validateTeamHistory(memberships: readonly TeamMembership[]): readonly string[] {
  const issues = new IssueList();
  memberships.forEach((m, index) => checkMembership(m, `memberships[${index}]`, issues));
  const spans = memberships.flatMap((m, index) =>
    isInstant(m.from) && (m.to === undefined || isInstant(m.to))
      ? [{ index, group: m.repId, start: millisOf(m.from), end: endOf(m) }]
      : [],
  );
  for (const { span, overlapped } of overlapsWithinGroups(spans)) {
    const earlier = memberships[overlapped.index];
    issues.add(
      `memberships[${span.index}].from`,
      `rep ${earlier.repId} is still in team ${earlier.teamId} then (memberships[${overlapped.index}]); a rep belongs to one team at a time`,
    );
  }
  return issues.all;
}

function checkMembership(m: TeamMembership, path: string, issues: IssueList): void {
  for (const field of ['repId', 'teamId'] as const) {
    if (typeof m[field] !== 'string' || !IDENTIFIER_PATTERN.test(m[field]))
      issues.add(`${path}.${field}`, IDENTIFIER_HINT);
  }
  if (!isInstant(m.from))
    issues.add(`${path}.from`, `must be an ISO-8601 instant with an offset, got ${describeValue(m.from)}`);
  if (m.to !== undefined && !isInstant(m.to)) {
    issues.add(`${path}.to`, `must be an ISO-8601 instant with an offset, got ${describeValue(m.to)}`);
  } else if (m.to !== undefined && isInstant(m.from) && millisOf(m.to) <= millisOf(m.from)) {
    issues.add(`${path}.to`, `must be after from (${m.from}), got ${m.to}`);
  }
}

const covers = (m: TeamMembership, instant: number): boolean => millisOf(m.from) <= instant && instant < endOf(m);
const endOf = (m: TeamMembership): number => (m.to === undefined ? Number.POSITIVE_INFINITY : millisOf(m.to));
