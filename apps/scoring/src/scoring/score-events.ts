import { randomUUID } from 'node:crypto';
import { type LeadQualifiedV1, type LeadScoredV1, type RoutingProfileV1, Topics } from '@handoff/contracts';
import type { LeadProfile, LeadScore, QualifiedEvent } from '@handoff/domain-scoring';
import type { LifecycleStage } from '@handoff/shared-vocabulary';
import type { NewOutboxMessage } from '@handoff/platform-database';
import { outboxMessageOf } from '@handoff/platform-kafka';
import { isFQDN, isISO31661Alpha2 } from 'class-validator';

/** Scores on the wire are rounded to hundredths: decay makes every other digit noise to a reader. */
export const roundScore = (points: number): number => Math.round(points * 100) / 100;

export interface EventContext {
  leadId: string;
  modelVersion: string;
  correlationId: string;
  at: string;
}

export function leadScoredMessage(context: EventContext, score: LeadScore, stage: LifecycleStage): NewOutboxMessage {
  const event: LeadScoredV1 = {
    ...envelope(context),
    leadId: context.leadId,
    behaviourScore: roundScore(score.behaviour.total),
    fitScore: score.fit.fitScore,
    grade: score.fit.grade,
    lifecycleStage: stage,
    modelVersion: context.modelVersion,
    topFactors: score.behaviour.topFactors.map((factor) => ({
      ruleId: factor.ruleId,
      label: factor.label,
      points: roundScore(factor.points),
    })),
  };
  return outboxMessageOf(Topics.leadScored, event);
}

export function leadQualifiedMessage(
  context: EventContext,
  qualified: QualifiedEvent,
  profile: LeadProfile,
): NewOutboxMessage {
  const event: LeadQualifiedV1 = {
    ...envelope({ ...context, at: qualified.at }),
    leadId: context.leadId,
    behaviourScore: roundScore(qualified.behaviour),
    fitScore: qualified.fitScore,
    grade: qualified.grade,
    modelVersion: context.modelVersion,
    qualifiedAt: qualified.at,
    profile: routingProfileOf(profile),
  };
  return outboxMessageOf(Topics.leadQualified, event);
}

/**
 * What routing matches on. Ingest's recorded profile is looser than the routing contract (any two capital
 * letters as a country), so a value routing would reject is left out rather than failing the qualification.
 */
export function routingProfileOf(profile: LeadProfile): RoutingProfileV1 {
  const routing: RoutingProfileV1 = {};
  if (profile.country !== undefined && isISO31661Alpha2(profile.country)) routing.country = profile.country;
  if (profile.industry !== undefined && profile.industry.trim() !== '') routing.industry = profile.industry;
  if (Number.isInteger(profile.employeeCount) && (profile.employeeCount ?? -1) >= 0) {
    routing.employeeCount = profile.employeeCount;
  }
  if (profile.companyDomain !== undefined && isFQDN(profile.companyDomain)) {
    routing.companyDomain = profile.companyDomain;
  }
  return routing;
}

function envelope(context: EventContext) {
  return {
    eventId: randomUUID(),
    occurredAt: context.at,
    schemaVersion: 1 as const,
    correlationId: context.correlationId,
  };
}
