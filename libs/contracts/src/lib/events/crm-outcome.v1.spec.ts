import { decodeEvent } from '../event-codec';
import { exampleEvents } from '../examples';
import { REMOVE, expectIssue, withField } from '../../testing/violations';
import { Topics } from '../topics';

const contract = Topics.crmOutcome;
const example = () => exampleEvents.crmOutcome();

type Case = [description: string, path: string, value: unknown, field: string, reason: RegExp];

describe('sales.crm_outcome.v1', () => {
  it('accepts a meeting held with neither a deal nor an amount', () => {
    const { dealId: _deal, amount: _amount, currency: _currency, ...rest } = example();
    const meeting = { ...rest, outcome: 'meeting_held' as const };

    expect(decodeEvent(contract, meeting).outcome).toBe('meeting_held');
  });

  it('accepts a reopened deal without an amount', () => {
    const { amount: _amount, currency: _currency, ...rest } = example();

    expect(decodeEvent(contract, { ...rest, outcome: 'deal_reopened' }).dealId).toBe('deal-7781');
  });

  it('is keyed by the rep, so one rep’s outcomes stay in order', () => {
    expect(contract.keyOf(example())).toBe(example().repId);
  });

  it.each<Case>([
    [
      'an outcome of sales.activity.v1',
      'outcome',
      'won',
      'outcome',
      /^outcome must be one of the following values: meeting_held/,
    ],
    [
      'a correction without an amount',
      'amount',
      REMOVE,
      'amount',
      /^amount is required when outcome is amount_corrected$/,
    ],
    [
      'a deal outcome without a deal',
      'dealId',
      REMOVE,
      'dealId',
      /^dealId is required when outcome is deal_created or deal_reopened or amount_corrected$/,
    ],
    ['an outcome without a rep', 'repId', REMOVE, 'repId', /^repId must be 1-128 characters of letters/],
    ['an amount without a currency', 'currency', REMOVE, 'currency', /^currency is required when amount is given$/],
    ['a negative amount', 'amount', -5, 'amount', /^amount must not be less than 0$/],
  ])('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });
});
