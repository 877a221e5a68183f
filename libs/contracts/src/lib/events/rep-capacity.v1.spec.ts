import { KEY_FIELD, decodeEvent, decodeKey, encodeEvent } from '../event-codec';
import { EXAMPLE_IDS, exampleEvents } from '../examples';
import { REMOVE, expectIssue, withField } from '../../testing/violations';
import { Topics } from '../topics';

const contract = Topics.repCapacity;
const example = () => exampleEvents.repCapacity();

type Case = [description: string, path: string, value: unknown, field: string, reason: RegExp];

describe('rep.capacity.v1', () => {
  it('is keyed by rep id, the key compaction keeps the latest value of', () => {
    expect(encodeEvent(contract, example()).key).toBe(EXAMPLE_IDS.repId);
  });

  it('accepts an attainment ratio above 1 for a rep who over-achieved', () => {
    expect(
      decodeEvent(contract, {
        ...example(),
        attainedAmount: 150000,
        attainmentRatio: 1.5,
      }).attainmentRatio,
    ).toBe(1.5);
  });

  it.each<Case>([
    ['a missing periodId', 'periodId', REMOVE, 'periodId', /^periodId must be a string$/],
    ['a negative quota', 'quotaAmount', -5, 'quotaAmount', /^quotaAmount must not be less than 0$/],
    [
      'a negative attainment ratio',
      'attainmentRatio',
      -0.1,
      'attainmentRatio',
      /^attainmentRatio must not be less than 0$/,
    ],
    ['a fractional open lead count', 'openLeads', 1.5, 'openLeads', /^openLeads must be an integer number$/],
    ['a negative lead limit', 'maxOpenLeads', -1, 'maxOpenLeads', /^maxOpenLeads must not be less than 0$/],
    ['availability sent as a string', 'available', 'yes', 'available', /^available must be a boolean value$/],
  ])('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });

  it('rejects a key that is not a rep id', () => {
    expectIssue(() => decodeKey(contract, 'rep 42'), `${KEY_FIELD}.repId`, /^repId must be 1-128 characters/);
  });
});
