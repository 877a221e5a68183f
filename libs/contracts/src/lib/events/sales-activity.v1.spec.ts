import { decodeEvent } from '../event-codec';
import { exampleEvents } from '../examples';
import { REMOVE, expectIssue, withField } from '../../testing/violations';
import { Topics } from '../topics';

const contract = Topics.salesActivity;
const example = () => exampleEvents.salesActivity();

type Case = [description: string, path: string, value: unknown, field: string, reason: RegExp];

describe('sales.activity.v1', () => {
  it('accepts a rejection with a reason and no rep, deal or amount', () => {
    const { leadId, eventId, occurredAt, schemaVersion, correlationId } = example();
    const rejection = {
      leadId,
      eventId,
      occurredAt,
      schemaVersion,
      correlationId,
      outcome: 'rejected' as const,
      reason: 'Not a fit',
    };

    expect(decodeEvent(contract, rejection).outcome).toBe('rejected');
  });

  it.each<Case>([
    [
      'an unknown outcome',
      'outcome',
      'pending',
      'outcome',
      /^outcome must be one of the following values: accepted, rejected, won, lost$/,
    ],
    ['a negative amount', 'amount', -1, 'amount', /^amount must not be less than 0$/],
    ['an amount sent as a string', 'amount', '12500', 'amount', /^amount must be a finite number$/],
    ['an amount without a currency', 'currency', REMOVE, 'currency', /^currency is required when amount is given$/],
    [
      'a currency that is not ISO 4217',
      'currency',
      'EURO',
      'currency',
      /^currency must be a valid ISO4217 currency code$/,
    ],
    ['an empty reason', 'reason', '', 'reason', /^reason should not be empty$/],
    ['a repId with spaces', 'repId', 'rep 42', 'repId', /^repId must be 1-128 characters of letters/],
  ])('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });
});
