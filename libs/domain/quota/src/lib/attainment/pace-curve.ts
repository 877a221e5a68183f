import { IssueList, describeValue } from '../validation/issue-list';
import type { CurvePoint, PaceCurve } from './quota.types';

const LINEAR: CurvePoint[] = [
  [0, 0],
  [1, 1],
];

/** The fraction of the target expected once `fractionOfTime` of the period has gone by (both 0..1). */
export function expectedShareAt(curve: PaceCurve, fractionOfTime: number): number {
  const points = curve === 'linear' ? LINEAR : curve.points;
  const t = Math.min(1, Math.max(0, fractionOfTime));
  const after = points.findIndex(([time]) => time >= t);
  if (after === 0) return points[0][1];
  if (after === -1) return points[points.length - 1][1];
  const [t0, share0] = points[after - 1];
  const [t1, share1] = points[after];
  return share0 + ((share1 - share0) * (t - t0)) / (t1 - t0);
}

/**
 * Every problem of a curve, as `curve…: reason`: points must run from [0, 0] to [1, 1], time strictly increasing
 * and the expected share never falling.
 */
export function validatePaceCurve(curve: PaceCurve): readonly string[] {
  const issues = new IssueList();
  if (curve === 'linear') return issues.all;
  if (typeof curve !== 'object' || curve === null || !Array.isArray(curve.points)) {
    issues.add(
      'curve',
      `must be "linear" or { points: [[fractionOfTime, fractionOfTarget], …] }, got ${describeValue(curve)}`,
    );
    return issues.all;
  }
  const { points } = curve;
  const checked = points.map((point, index) => checkPoint(point, `curve.points[${index}]`, issues));
  if (checked.includes(false)) return issues.all;
  if (points.length < 2) issues.add('curve.points', `must have at least 2 points, got ${points.length}`);
  else checkShape(points, issues);
  return issues.all;
}

function checkPoint(point: unknown, path: string, issues: IssueList): boolean {
  const ok =
    Array.isArray(point) &&
    point.length === 2 &&
    point.every((value) => typeof value === 'number' && value >= 0 && value <= 1);
  if (!ok) issues.add(path, `must be a pair of numbers from 0 to 1, got ${JSON.stringify(point)}`);
  return ok;
}

function checkShape(points: CurvePoint[], issues: IssueList): void {
  const [firstTime, firstShare] = points[0];
  const [lastTime, lastShare] = points[points.length - 1];
  if (firstTime !== 0 || firstShare !== 0)
    issues.add('curve.points[0]', `must be [0, 0], got [${points[0].join(', ')}]`);
  if (lastTime !== 1 || lastShare !== 1) {
    issues.add(`curve.points[${points.length - 1}]`, `must be [1, 1], got [${points[points.length - 1].join(', ')}]`);
  }
  points.slice(1).forEach(([time, share], i) => {
    const [previousTime, previousShare] = points[i];
    const path = `curve.points[${i + 1}]`;
    if (time <= previousTime) issues.add(path, `time ${time} must be after the previous point's ${previousTime}`);
    if (share < previousShare)
      issues.add(path, `share ${share} must not be below the previous point's ${previousShare}`);
  });
}
