import { seededUniform } from './testing/seeded-samples';
import { EMPTY_ENGAGEMENT_HISTORY, withEngagement } from './engagement-history';
import { featureVectorOf, type LeadSnapshot } from './feature-definition';
import { predictConversion } from './conversion-prediction';
import { type HandOffRecord, labelHandOffs, trainOnHandOffs } from './hand-off-training';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T00:00:00Z');

function snapshotWith(demoRequests: number, at: number): LeadSnapshot {
  let engagement = EMPTY_ENGAGEMENT_HISTORY;
  for (let i = 0; i < demoRequests; i++) engagement = withEngagement(engagement, { type: 'demo_request', at: at - i });
  return { at, engagement, profile: { industry: 'software' }, scores: { behaviourByGroup: {}, fit: 10 } };
}

const record = (outcome: HandOffRecord['outcome'], daysAgo: number): HandOffRecord => ({
  handedAt: NOW - daysAgo * DAY,
  snapshot: snapshotWith(1, NOW - daysAgo * DAY),
  outcome,
});

describe('labelHandOffs', () => {
  it('labels won as converted, lost and rejected as not', () => {
    const labels = labelHandOffs([record('won', 5), record('lost', 5), record('rejected', 5)], NOW, 90);

    expect(labels.map((entry) => entry.converted)).toEqual([1, 0, 0]);
  });

  it('leaves an open lead unlabeled until the horizon has passed, then counts it as not converted', () => {
    const labels = labelHandOffs([record(null, 30), record(null, 120)], NOW, 90);

    expect(labels).toEqual([expect.objectContaining({ handedAt: NOW - 120 * DAY, converted: 0 })]);
  });
});

describe('trainOnHandOffs', () => {
  it('reports "not enough data" with the counts while the labelled history is below the minimum', () => {
    const { result } = trainOnHandOffs([record('won', 5), record(null, 5)], NOW, { openHorizonDays: 90 });

    expect(result).toMatchObject({ status: 'not_enough_data', counts: { labelled: 1, converted: 1, notConverted: 0 } });
  });

  it('learns that more demo requests convert more often, from hand-offs alone', () => {
    const uniform = seededUniform(7);
    const records: HandOffRecord[] = Array.from({ length: 600 }, (_, i) => {
      const demos = Math.floor(uniform() * 4);
      const at = NOW - (600 - i) * DAY;
      return {
        handedAt: at,
        snapshot: snapshotWith(demos, at),
        outcome: uniform() < 0.1 + 0.25 * demos ? 'won' : 'lost',
      };
    });

    const { result, definition } = trainOnHandOffs(records, NOW, { openHorizonDays: 90 });

    expect(definition.industries).toEqual(['software']);
    if (result.status !== 'trained') throw new Error(result.reason);
    const probabilityWith = (demos: number) =>
      predictConversion(result.model, featureVectorOf(definition, snapshotWith(demos, NOW))).probability;
    expect(probabilityWith(3)).toBeGreaterThan(probabilityWith(0) + 0.3);
    expect(result.model.validation.auc).toBeGreaterThan(0.65);
  });
});
