import { decodeEvent } from '../event-codec';
import { exampleEvents } from '../examples';
import { REMOVE, expectIssue, withField } from '../../testing/violations';
import { Topics } from '../topics';

const contract = Topics.leadScored;
const example = () => exampleEvents.leadScored();
const factor = (index: number) => ({
  ruleId: `rule-${index}`,
  label: `Rule ${index}`,
  points: index,
});

type Case = [description: string, path: string, value: unknown, field: string, reason: RegExp];

describe('lead.scored.v1', () => {
  it('accepts a negative behaviour score and no factors', () => {
    const event = { ...example(), behaviourScore: -15, topFactors: [] };

    expect(decodeEvent(contract, event).behaviourScore).toBe(-15);
  });

  it('turns each top factor into its class, so nested rules apply', () => {
    expect(decodeEvent(contract, example()).topFactors[0].constructor.name).toBe('ScoreFactorV1');
  });

  it('accepts a conversion prediction, and its absence (events from before prediction)', () => {
    const conversion = { probability: 0.31, low: 0.12, high: 0.55, modelVersion: 3, mode: 'shadow' };

    expect(decodeEvent(contract, { ...example(), conversion }).conversion).toEqual(conversion);
    expect(decodeEvent(contract, example()).conversion).toBeUndefined();
  });

  it.each<Case>([
    [
      'a probability above 1',
      'conversion',
      { probability: 1.2, low: 0.1, high: 0.9, modelVersion: 1, mode: 'active' },
      'conversion.probability',
      /^probability must not be greater than 1$/,
    ],
    [
      'a prediction in an unknown mode',
      'conversion',
      { probability: 0.2, low: 0.1, high: 0.3, modelVersion: 1, mode: 'live' },
      'conversion.mode',
      /^mode must be one of the following values: shadow, active$/,
    ],
    [
      'a behaviourScore sent as a string',
      'behaviourScore',
      '72',
      'behaviourScore',
      /^behaviourScore must be a finite number$/,
    ],
    [
      'a fitScore that is not finite',
      'fitScore',
      Number.POSITIVE_INFINITY,
      'fitScore',
      /^fitScore must be a finite number$/,
    ],
    ['an unknown grade', 'grade', 'E', 'grade', /^grade must be one of the following values: A, B, C, D$/],
    [
      'an unknown lifecycle stage',
      'lifecycleStage',
      'prospect',
      'lifecycleStage',
      /^lifecycleStage must be one of the following values: subscriber/,
    ],
    ['a missing modelVersion', 'modelVersion', REMOVE, 'modelVersion', /^modelVersion must be a string$/],
    [
      'more than 10 top factors',
      'topFactors',
      Array.from({ length: 11 }, (_, i) => factor(i)),
      'topFactors',
      /^topFactors must contain no more than 10 elements$/,
    ],
    ['top factors that are not a list', 'topFactors', factor(1), 'topFactors', /^topFactors must be an array$/],
    [
      'a factor with non-numeric points',
      'topFactors.0.points',
      'many',
      'topFactors.0.points',
      /^points must be a finite number$/,
    ],
    ['a factor without a label', 'topFactors.1.label', REMOVE, 'topFactors.1.label', /^label must be a string$/],
    [
      'a factor with an unknown field',
      'topFactors.0.weight',
      2,
      'topFactors.0.weight',
      /^property weight should not exist$/,
    ],
  ])('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });
});
