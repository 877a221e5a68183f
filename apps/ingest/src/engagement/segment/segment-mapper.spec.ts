import { ContractViolationError } from '@handoff/contracts';
import { DEFAULT_SEGMENT_MAPPING } from './segment-event-mapping';
import { SegmentMapper } from './segment-mapper';
import { flattenProperties } from './segment-properties';

const mapper = new SegmentMapper(DEFAULT_SEGMENT_MAPPING);
const receipt = { receivedAt: new Date().toISOString(), correlationId: 'corr-1' };

function rejection(act: () => unknown) {
  try {
    act();
  } catch (error) {
    return error;
  }
  return 'accepted';
}

describe('SegmentMapper', () => {
  it.each([
    ['alias userId', () => mapper.alias({ previousId: 'anon-1', userId: '   ' }, receipt), 'userId'],
    ['alias previousId', () => mapper.alias({ previousId: ' \t ', userId: 'u-1' }, receipt), 'previousId'],
    ['track userId', () => mapper.track({ userId: '  ', event: 'Signed Up' }, receipt), 'userId'],
    ['page anonymousId', () => mapper.page({ anonymousId: ' ', userId: 'u-1' }, receipt), 'anonymousId'],
  ])('rejects a blank %s as a contract violation naming it', (_name, act, field) => {
    const error = rejection(act);

    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).issues).toEqual([{ field, reasons: [`${field} must not be blank`] }]);
  });

  it('rejects a batch item dated by week (2024-W05) as a contract violation naming timestamp', () => {
    const error = rejection(() =>
      mapper.batchItem({ type: 'track', userId: 'u-1', event: 'Signed Up', timestamp: '2024-W05' }, receipt),
    );

    expect(error).toBeInstanceOf(ContractViolationError);
    expect((error as ContractViolationError).issues.map((issue) => issue.field)).toEqual(['timestamp']);
  });

  it('dates an alias like any call, with the device clock correction', () => {
    const alias = mapper.alias(
      {
        previousId: 'anon-1',
        userId: 'u-1',
        originalTimestamp: '2024-02-01T10:00:00Z',
        sentAt: '2024-02-01T10:00:00Z',
      },
      receipt,
    );

    expect(alias.occurredAt).toBe(receipt.receivedAt);
  });

  it("records a group call as a profile update of the person with the company's traits", () => {
    const call = mapper.batchItem(
      {
        type: 'group',
        userId: 'u-1',
        groupId: 'acct-42',
        traits: { name: 'Acme', website: 'https://www.acme.test', industry: 'Robotics', employees: 120 },
      },
      receipt,
    );

    expect(call).toEqual({
      engagement: expect.objectContaining({
        type: 'profile_update',
        identity: { userId: 'u-1' },
        profile: {
          company: 'Acme',
          companyDomain: 'acme.test',
          industry: 'Robotics',
          employeeCount: 120,
          traits: { groupId: 'acct-42' },
        },
      }),
    });
  });
});

describe('flattenProperties', () => {
  it('flattens nesting deeper than the call stack allows without recursion, keeping key order', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let level = 0; level < 20_000; level++) deep = { a: deep };

    const flat = flattenProperties({ first: 1, deep, last: 2 });

    expect(Object.keys(flat)[0]).toBe('first');
    expect(Object.keys(flat).at(-1)).toBe('last');
  });

  it('keeps keys that could reach a prototype out of the result', () => {
    const flat = flattenProperties(JSON.parse('{"__proto__": {"x": 1}, "a": {"constructor": 2, "b": 3}}'));

    expect(flat).toEqual({ 'a.b': 3 });
    expect(Object.getPrototypeOf(flat)).toBe(Object.prototype);
  });
});
