import { type LabelledSample, timeOrderedSplit, trainConversionModel } from './conversion-model';
import { predictConversion } from './conversion-prediction';
import { areaUnderRoc } from './evaluation-metrics';
import { probabilityOf } from './logistic-regression';
import { seededGaussian } from './testing/seeded-samples';

const NAMES = ['visits', 'demo_requests', 'seniority', 'noise'];
const TRUTH = { intercept: -2, coefficients: [0.6, 1.4, 0.5, 0] };

/** A funnel whose hidden propensity is a known logistic model of the features; one lead handed over per minute. */
function funnel(count: number, seed: number) {
  const gaussian = seededGaussian(seed);
  return Array.from({ length: count }, (_, i) => {
    const features = [3 + 2 * gaussian(), Math.max(0, gaussian()), 2 + gaussian(), gaussian()];
    const propensity = probabilityOf(
      TRUTH,
      features.map((value, j) => (j === 0 ? (value - 3) / 2 : value)),
    );
    const converted: 0 | 1 = gaussian.uniform() < propensity ? 1 : 0;
    return { handedAt: i * 60_000, features, converted, propensity };
  });
}

describe('trainConversionModel', () => {
  it('ranks later leads nearly as well as their hidden propensities, with calibrated probabilities', () => {
    const samples = funnel(2000, 3);

    const result = trainConversionModel(NAMES, samples);

    if (result.status !== 'trained') throw new Error(result.reason);
    const { validation, training } = result.model;
    expect(validation.from).toBeGreaterThan(training.to);
    expect(validation.counts.labelled).toBe(500);
    const held = samples.slice(1500);
    const best = areaUnderRoc(
      held.map((sample) => sample.propensity),
      held.map((sample) => sample.converted),
    );
    expect(validation.auc / best).toBeGreaterThan(0.95);
    expect(validation.calibrationError).toBeLessThan(0.06);
    expect(validation.logLoss).toBeGreaterThan(0);
    expect(validation.brier).toBeLessThan(0.25);
  });

  it('says "not enough data" with the counts instead of training on too few outcomes', () => {
    const result = trainConversionModel(NAMES, funnel(120, 4));

    expect(result).toMatchObject({
      status: 'not_enough_data',
      counts: { labelled: 120 },
      reason: expect.stringContaining('120 labelled leads of the 200 needed'),
    });
  });
});

describe('predictConversion', () => {
  it('explains a prediction by its largest contributions and is less certain when trained on fewer leads', () => {
    const lead = [9, 2.5, 3, 0.1];
    const policy = { minimum: { labelled: 50, converted: 5, notConverted: 5 }, validationShare: 0.25, l2: 1 };
    const thin = trainConversionModel(NAMES, funnel(300, 5), policy);
    const rich = trainConversionModel(NAMES, funnel(4000, 5), policy);
    if (thin.status !== 'trained' || rich.status !== 'trained') throw new Error('expected both to train');

    const fromThin = predictConversion(thin.model, lead);
    const fromRich = predictConversion(rich.model, lead);

    const width = (p: typeof fromRich) => p.interval[1] - p.interval[0];
    expect(width(fromThin)).toBeGreaterThan(width(fromRich));
    expect(fromRich.interval[0]).toBeLessThanOrEqual(fromRich.probability);
    expect(fromRich.interval[1]).toBeGreaterThanOrEqual(fromRich.probability);
    expect(fromRich.contributions[0]).toMatchObject({ feature: 'demo_requests', value: 2.5 });
    expect(fromRich.contributions.map((c) => c.feature)).toContain('visits');
  });

  it('refuses features that do not match the model', () => {
    const trained = trainConversionModel(NAMES, funnel(400, 6));
    if (trained.status !== 'trained') throw new Error('expected a model');

    expect(() => predictConversion(trained.model, [1, 2])).toThrow('the model takes 4 features, got 2');
  });
});

describe('timeOrderedSplit', () => {
  it('holds out the latest share by hand-off time, whatever the input order', () => {
    const samples: LabelledSample[] = [5, 1, 4, 2, 3].map((t) => ({ handedAt: t, features: [], converted: 0 }));

    const { training, validation } = timeOrderedSplit(samples, 0.4);

    expect(training.map((s) => s.handedAt)).toEqual([1, 2, 3]);
    expect(validation.map((s) => s.handedAt)).toEqual([4, 5]);
  });
});
