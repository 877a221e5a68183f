import { DomainError } from '@handoff/shared-errors';
import { compareText } from '../compare-text';
import { convert, type Money } from '../currency/convert';
import type { ExchangeRate } from '../currency/exchange-rates';
import { roundMoney, sumMoney } from '../currency/money';
import { elapsedFraction, periodContains } from '../periods/period';
import { localDateOf, millisOf } from '../time/instant';
import type { Contribution } from './contribution';
import { expectedShareAt } from './pace-curve';
import { COUNT_TARGETS, type CountTarget, type Quota, type QuotaOwner } from './quota.types';
import { roundCount, targetAttainment, type TargetAttainment } from './target-attainment';

export interface AttainmentContext {
  /** The admin's rate table; a deal converts at the rate valid on its close date. */
  rates: readonly ExchangeRate[];
  now: string;
  /** The fiscal calendar's zone: a deal's close date is its local date there. */
  timeZone: string;
  /** Set by the service once an outcome of this period has landed after it closed; shown, not computed here. */
  restated?: boolean;
}

/** Revenue that could not be converted into the quota's currency yet: shown, never counted, never dropped. */
export interface PendingRevenue extends Money {
  contributionId: string;
  repId: string;
  at: string;
  reason: string;
}

export interface RevenueAttainment extends TargetAttainment {
  currency: string;
  pendingConversion: PendingRevenue[];
}

export interface Attainment {
  quotaId: string;
  owner: QuotaOwner;
  periodId: string;
  asOf: string;
  /** Share of the period gone by (0..1) and the share of each target the curve expects by now. */
  elapsedFraction: number;
  expectedShare: number;
  restated: boolean;
  revenue?: RevenueAttainment;
  dealsWon?: TargetAttainment;
  leadsAccepted?: TargetAttainment;
  meetingsHeld?: TargetAttainment;
}

/**
 * A quota's figures at `now` from the contributions given (any order; ids unique). A contribution counts when it
 * falls in the quota's period and belongs to its owner: a rep's own, or for a team those whose team at the time
 * was that team. Expects a valid quota (`validateQuota`).
 */
export function attainmentOf(
  quota: Quota,
  contributions: readonly Contribution[],
  context: AttainmentContext,
): Attainment {
  checkUniqueIds(contributions);
  const counted = contributions.filter((c) => belongsTo(c, quota.owner) && periodContains(quota.period, c.at));
  const elapsed = elapsedFraction(quota.period, context.now);
  const expectedShare = expectedShareAt(quota.curve, elapsed);
  const attainment: Attainment = {
    quotaId: quota.id,
    owner: quota.owner,
    periodId: quota.period.id,
    asOf: context.now,
    elapsedFraction: elapsed,
    expectedShare,
    restated: context.restated ?? false,
  };
  const { revenue } = quota.targets;
  if (revenue) attainment.revenue = revenueAttainment(revenue, counted, expectedShare, context);
  for (const name of Object.keys(COUNT_TARGETS) as CountTarget[]) {
    const target = quota.targets[name];
    if (target === undefined) continue;
    const attained = counted.filter((c) => c.kind === COUNT_TARGETS[name]).length;
    attainment[name] = targetAttainment(target, attained, expectedShare, roundCount);
  }
  return attainment;
}

function revenueAttainment(
  target: Money,
  counted: readonly Contribution[],
  expectedShare: number,
  context: AttainmentContext,
): RevenueAttainment {
  const conversions = counted
    .filter((c) => c.kind === 'revenue')
    .map((contribution) => {
      const money = revenueOf(contribution);
      const closeDate = localDateOf(contribution.at, context.timeZone);
      return { contribution, money, conversion: convert(context.rates, money, target.currency, closeDate) };
    });
  const converted = conversions.flatMap(({ conversion }) =>
    conversion.status === 'converted' ? [conversion.amount] : [],
  );
  const pendingConversion = conversions
    .flatMap(({ contribution, money, conversion }): PendingRevenue[] =>
      conversion.status === 'pending'
        ? [
            {
              contributionId: contribution.id,
              repId: contribution.repId,
              at: contribution.at,
              ...money,
              reason: conversion.reason,
            },
          ]
        : [],
    )
    .sort((a, b) => millisOf(a.at) - millisOf(b.at) || compareText(a.contributionId, b.contributionId));
  const round = (value: number) => roundMoney(value, target.currency);
  return {
    ...targetAttainment(target.amount, sumMoney(converted, target.currency), expectedShare, round),
    currency: target.currency,
    pendingConversion,
  };
}

function belongsTo(contribution: Contribution, owner: QuotaOwner): boolean {
  return owner.kind === 'rep' ? contribution.repId === owner.id : contribution.teamId === owner.id;
}

function revenueOf(contribution: Contribution): Money {
  const { amount, currency } = contribution;
  if (amount === undefined || currency === undefined) {
    throw new DomainError('invalid', `Revenue contribution ${contribution.id} has no amount and currency`);
  }
  return { amount, currency };
}

function checkUniqueIds(contributions: readonly Contribution[]): void {
  const seen = new Set<string>();
  for (const { id } of contributions) {
    if (seen.has(id)) throw new DomainError('invalid', `Contribution ${id} given twice; each outcome counts once`);
    seen.add(id);
  }
}
