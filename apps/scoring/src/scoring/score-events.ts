import { randomUUID } from 'node:crypto';
import {
  type ConversionPredictionV1,
  type LeadQualifiedV1,
  type LeadQualifiedV2,
  type LeadScoredV1,
  type ScoreFactorV1,
  Topics,
} from '@handoff/contracts';
import type { LeadProfile, LeadScore, QualifiedEvent, ScoreFactor } from '@handoff/domain-scoring';
import type { LifecycleStage } from '@handoff/shared-vocabulary';
import type { NewOutboxMessage } from '@handoff/platform-database';
import { outboxMessageOf } from '@handoff/platform-kafka';
import { qualifiedProfileOf, routingProfileOf } from './qualified-profile';

/** Scores on the wire are rounded to hundredths: decay makes every other digit noise to a reader. */
export const roundScore = (points: number): number => Math.round(points * 100) / 100;

export interface EventContext {
  leadId: string;
  modelVersion: string;
  correlationId: string;
  at: string;
}

export function leadScoredMessage(
  context: EventContext,
  score: LeadScore,
  stage: LifecycleStage,
  conversion?: ConversionPredictionV1,
): NewOutboxMessage {
  const event: LeadScoredV1 = {
    ...envelope(context),
    leadId: context.leadId,
    behaviourScore: roundScore(score.behaviour.total),
    fitScore: score.fit.fitScore,
    grade: score.fit.grade,
    lifecycleStage: stage,
    modelVersion: context.modelVersion,
    topFactors: factorsOnTheWire(score.behaviour.topFactors),
    ...(conversion === undefined ? {} : { conversion }),
  };
  return outboxMessageOf(Topics.leadScored, event);
}

/**
 * A qualification is published as lead.qualified.v1 (for its existing consumers) and v2 (routing's, with the
 * profile summary and top factors) in the same transaction, so neither can exist without the other.
 */
export function leadQualifiedMessages(
  context: EventContext,
  qualified: QualifiedEvent,
  profile: LeadProfile,
  topFactors: readonly ScoreFactor[],
  conversion?: ConversionPredictionV1,
): NewOutboxMessage[] {
  const common = {
    leadId: context.leadId,
    behaviourScore: roundScore(qualified.behaviour),
    fitScore: qualified.fitScore,
    grade: qualified.grade,
    modelVersion: context.modelVersion,
    qualifiedAt: qualified.at,
  };
  const v1: LeadQualifiedV1 = {
    ...envelope({ ...context, at: qualified.at }),
    ...common,
    profile: routingProfileOf(profile),
  };
  const v2: LeadQualifiedV2 = {
    ...envelope({ ...context, at: qualified.at }),
    schemaVersion: 2,
    ...common,
    profile: qualifiedProfileOf(profile),
    topFactors: factorsOnTheWire(topFactors),
    ...(conversion === undefined ? {} : { conversion }),
  };
  return [outboxMessageOf(Topics.leadQualified, v1), outboxMessageOf(Topics.leadQualifiedV2, v2)];
}

const factorsOnTheWire = (factors: readonly ScoreFactor[]): ScoreFactorV1[] =>
  factors.map((factor) => ({ ruleId: factor.ruleId, label: factor.label, points: roundScore(factor.points) }));

function envelope(context: EventContext) {
  return {
    eventId: randomUUID(),
    occurredAt: context.at,
    schemaVersion: 1 as const,
    correlationId: context.correlationId,
  };
}
