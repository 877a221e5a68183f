import {
  type ConversionModel,
  EMPTY_ENGAGEMENT_HISTORY,
  type EngagementFact,
  type FeatureDefinition,
  featureVectorOf,
  predictConversion,
  withEngagement,
} from '@handoff/domain-prediction';
import {
  applyEngagement,
  createLeadState,
  type Engagement,
  scoreLead,
  type ScoringModel,
} from '@handoff/domain-scoring';

/**
 * CPU per event of the rule scoring's domain work (apply the engagement, read the score) and of live prediction
 * on top of it (fold the engagement, build the features, predict), over the same events. The scoring service
 * spends more per event than its domain work (I/O, validation), so the ratio is an upper bound of what
 * prediction adds to it.
 */
export function perEventCosts(
  scoringModel: ScoringModel,
  conversionModel: ConversionModel,
  definition: FeatureDefinition,
  histories: readonly { facts: EngagementFact[]; engagements: Engagement[] }[],
): { events: number; scoringMicros: number; predictionMicros: number } {
  const events = histories.reduce((n, history) => n + history.facts.length, 0);
  const scoring = cpuMicros(() => {
    histories.forEach((history, i) => {
      let state = createLeadState(`lead-${i}`);
      for (const engagement of history.engagements) {
        state = applyEngagement(state, engagement, scoringModel).state;
        scoreLead(state, engagement.occurredAt, scoringModel);
      }
    });
  });
  const prediction = cpuMicros(() => {
    for (const history of histories) {
      let engagement = EMPTY_ENGAGEMENT_HISTORY;
      for (const fact of history.facts) {
        engagement = withEngagement(engagement, fact);
        const snapshot = {
          at: fact.at,
          engagement,
          profile: {},
          scores: { behaviourByGroup: {}, fit: 0 },
        };
        predictConversion(conversionModel, featureVectorOf(definition, snapshot));
      }
    }
  });
  return { events, scoringMicros: scoring / events, predictionMicros: prediction / events };
}

function cpuMicros(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return used.user + used.system;
}
