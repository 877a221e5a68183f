import type { FieldIssue } from '@handoff/contracts';
import {
  type FiscalCalendar,
  fiscalPeriodById,
  isInstant,
  type PaceCurve,
  type Period,
  type Quota,
  type QuotaOwner,
  type QuotaTargets,
  validateQuota,
} from '@handoff/domain-quota';
import { DomainError, fieldIssuesOf } from '@handoff/shared-errors';

/** A quota as a client writes it: the period a fiscal period id or custom bounds, the curve optional. */
export interface QuotaBody {
  id?: string;
  owner: QuotaOwner;
  period: string | Period;
  targets: QuotaTargets;
  curve?: PaceCurve;
}

/** A quota ready to store: its period resolved and the kind of that period (`custom` for given bounds). */
export interface ResolvedQuota {
  quota: Quota;
  periodKind: string;
}

const FISCAL_ID = /^FY\d{4}(-Q[1-4]|-M(0[1-9]|1[0-2]))?$/;

/**
 * The quota `PUT /quotas/:id` (or a CSV row) stores, or an `invalid` error naming every failing field: the body's
 * id against the path's, the period against the fiscal calendar, then the domain's quota rules.
 */
export function resolveQuota(id: string, body: QuotaBody, calendar: FiscalCalendar): ResolvedQuota {
  const issues: FieldIssue[] = [];
  if (body.id !== undefined && body.id !== id)
    issues.push({ field: 'id', reasons: ['id must equal the id in the path'] });
  const period = resolvePeriod(body.period, calendar, issues);
  const quota: Quota = {
    id,
    owner: { kind: body.owner.kind, id: body.owner.id },
    period: period?.period ?? { id: 'unresolved', start: '', end: '' },
    targets: targetsOf(body.targets),
    curve: curveOf(body.curve),
  };
  const rules = validateQuota(quota).filter((issue) => period !== undefined || !issue.startsWith('period'));
  issues.push(...fieldIssuesOf(rules, '(body)'));
  if (issues.length > 0 || period === undefined) {
    throw new DomainError('invalid', 'the quota is invalid', { details: mergeByField(issues) });
  }
  return { quota, periodKind: period.kind };
}

/**
 * A fiscal id resolves on the calendar. Custom bounds keep their id, unless it is a fiscal id: then they must be
 * that fiscal period's bounds (so a quota read back can be written back), and the quota is of its kind.
 */
function resolvePeriod(
  given: string | Period,
  calendar: FiscalCalendar,
  issues: FieldIssue[],
): { period: Period; kind: string } | undefined {
  if (typeof given === 'string') {
    const fiscal = fiscalOrIssues(given, calendar, issues);
    return fiscal && { period: { id: fiscal.id, start: fiscal.start, end: fiscal.end }, kind: fiscal.kind };
  }
  const period = { id: given.id, start: given.start, end: given.end };
  if (!FISCAL_ID.test(given.id)) return { period, kind: 'custom' };
  const fiscal = fiscalPeriodById(calendar, given.id);
  if (sameInstant(fiscal.start, given.start) && sameInstant(fiscal.end, given.end)) {
    return { period: { id: fiscal.id, start: fiscal.start, end: fiscal.end }, kind: fiscal.kind };
  }
  const reason = `names the fiscal period ${fiscal.id} (${fiscal.start} to ${fiscal.end}); give a custom period another id`;
  issues.push({ field: 'period.id', reasons: [reason] });
  return undefined;
}

function fiscalOrIssues(id: string, calendar: FiscalCalendar, issues: FieldIssue[]) {
  try {
    return fiscalPeriodById(calendar, id);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'invalid') throw error;
    issues.push(...(error.details ?? []));
    return undefined;
  }
}

/** The targets given, nothing else (a DTO instance carries no extra keys, a CSV row's absent cells are absent). */
function targetsOf(targets: QuotaTargets): QuotaTargets {
  const { revenue, dealsWon, leadsAccepted, meetingsHeld } = targets;
  return Object.fromEntries(
    Object.entries({
      revenue: revenue && { amount: revenue.amount, currency: revenue.currency },
      dealsWon,
      leadsAccepted,
      meetingsHeld,
    }).filter(([, value]) => value !== undefined),
  );
}

/** The curve to store: linear when absent, a point curve reduced to its points (the rules check their shape). */
function curveOf(curve: PaceCurve | undefined): PaceCurve {
  if (curve === undefined) return 'linear';
  if (typeof curve === 'object' && curve !== null && !Array.isArray(curve)) return { points: curve.points };
  return curve;
}

const sameInstant = (fiscal: string, given: string): boolean =>
  isInstant(given) && Date.parse(fiscal) === Date.parse(given);

function mergeByField(issues: FieldIssue[]): FieldIssue[] {
  const merged = new Map<string, string[]>();
  for (const { field, reasons } of issues) merged.set(field, [...(merged.get(field) ?? []), ...reasons]);
  return [...merged].map(([field, reasons]) => ({ field, reasons }));
}
