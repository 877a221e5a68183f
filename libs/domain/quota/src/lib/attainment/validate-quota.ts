import { isKnownCurrency } from '../currency/money';
import { validatePeriod } from '../periods/period';
import { IDENTIFIER_HINT, IDENTIFIER_PATTERN, IssueList, describeValue } from '../validation/issue-list';
import { validatePaceCurve } from './pace-curve';
import { COUNT_TARGETS, QUOTA_OWNER_KINDS, type CountTarget, type Quota, type QuotaTargets } from './quota.types';

/**
 * Every problem of a quota, as `field: reason` (`targets.revenue.currency: …`); empty when valid. The shape (objects
 * present, strings where strings go) is the caller's DTO's job; these are the rules.
 */
export function validateQuota(quota: Quota): readonly string[] {
  const issues = new IssueList();
  if (!isIdentifier(quota.id)) issues.add('id', IDENTIFIER_HINT);
  if (!QUOTA_OWNER_KINDS.includes(quota.owner.kind)) {
    issues.add('owner.kind', `must be one of ${QUOTA_OWNER_KINDS.join(', ')}, got ${describeValue(quota.owner.kind)}`);
  }
  if (!isIdentifier(quota.owner.id)) issues.add('owner.id', IDENTIFIER_HINT);
  issues.addAll('period', validatePeriod(quota.period));
  checkTargets(quota.targets, issues);
  issues.addAll('', validatePaceCurve(quota.curve));
  return issues.all;
}

function checkTargets(targets: QuotaTargets, issues: IssueList): void {
  const counts = Object.keys(COUNT_TARGETS) as CountTarget[];
  if (targets.revenue === undefined && counts.every((name) => targets[name] === undefined)) {
    issues.add('targets', `must set at least one of revenue, ${counts.join(', ')}`);
  }
  if (targets.revenue !== undefined) {
    checkPositive(targets.revenue.amount, 'targets.revenue.amount', issues);
    if (!isKnownCurrency(targets.revenue.currency)) {
      issues.add(
        'targets.revenue.currency',
        `must be an ISO 4217 currency code such as EUR, got ${describeValue(targets.revenue.currency)}`,
      );
    }
  }
  for (const name of counts) {
    if (targets[name] !== undefined) checkPositive(targets[name], `targets.${name}`, issues);
  }
}

function checkPositive(value: unknown, path: string, issues: IssueList): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    issues.add(path, `must be a positive number, got ${describeValue(value)}`);
  }
}

const isIdentifier = (value: unknown): boolean => typeof value === 'string' && IDENTIFIER_PATTERN.test(value);
