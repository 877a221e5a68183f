import { KEY_FIELD, decodeEvent, decodeKey, encodeEvent } from '../event-codec';
import { exampleEvents } from '../examples';
import { REMOVE, expectIssue, withField } from '../../testing/violations';
import { Topics } from '../topics';
import { EngagementInboundV1 } from './engagement-inbound.v1';

const contract = Topics.engagementInbound;
const example = () => exampleEvents.engagementInbound();

type Case = [description: string, path: string, value: unknown, field: string, reason: RegExp];

describe('engagement.inbound.v1', () => {
  it.each([
    ['only an anonymousId', { anonymousId: 'anon-1' }],
    ['only a userId', { userId: 'user-1' }],
    ['only an email', { email: 'ada@example.com' }],
  ])('accepts an identity with %s', (_description, identity) => {
    expect(decodeEvent(contract, { ...example(), identity })).toBeInstanceOf(EngagementInboundV1);
  });

  it('trims whitespace around an email instead of rejecting it', () => {
    const event = { ...example(), identity: { email: '  ada@example.com \n' }, profile: { email: ' ada@example.com' } };

    const decoded = decodeEvent(contract, event);

    expect(decoded.identity.email).toBe('ada@example.com');
    expect(decoded.profile?.email).toBe('ada@example.com');
  });

  it('accepts a custom activity named by customType', () => {
    const event = {
      ...example(),
      type: 'custom' as const,
      customType: 'partner_referral',
    };

    expect(decodeEvent(contract, event).customType).toBe('partner_referral');
  });

  it('accepts an event without sourceId, which ingest fills from the producing client', () => {
    expect(decodeEvent(contract, withField(example(), 'sourceId', REMOVE)).sourceId).toBeUndefined();
  });

  it.each<Case>([
    ['a missing type', 'type', REMOVE, 'type', /^type must be one of the following values: page_view, email_open/],
    ['an unknown type', 'type', 'page_visit', 'type', /^type must be one of the following values: /],
    ['type custom without customType', 'type', 'custom', 'customType', /^customType is required when type is custom/],
    [
      'customType on a non-custom type',
      'customType',
      'x',
      'customType',
      /^customType is only allowed when type is custom$/,
    ],
    ['a sourceId with spaces', 'sourceId', 'hub spot', 'sourceId', /^sourceId must be 1-128 characters of letters/],
    ['a missing identity', 'identity', REMOVE, 'identity', /^identity should not be null or undefined$/],
    ['an identity that is a string', 'identity', 'ada@example.com', 'identity', /^identity must be an object$/],
    [
      'an identity without any id',
      'identity',
      {},
      'identity',
      /^identity must contain at least one of anonymousId, userId, email$/,
    ],
    [
      'an identity with only empty ids',
      'identity',
      { userId: '' },
      'identity',
      /at least one of anonymousId, userId, email/,
    ],
    ['a malformed email', 'identity.email', 'ada-at-example', 'identity.email', /^email must be an email$/],
    [
      'an overlong anonymousId',
      'identity.anonymousId',
      'a'.repeat(129),
      'identity.anonymousId',
      /shorter than or equal to 128/,
    ],
    [
      'an unknown identity field',
      'identity.phone',
      '+49 30 1234',
      'identity.phone',
      /^property phone should not exist$/,
    ],
    ['missing properties', 'properties', REMOVE, 'properties', /^properties must be an object of named values$/],
    ['properties nested two levels', 'properties.utm.extra', { a: 1 }, 'properties', /^properties\.utm\.extra must be/],
  ])('rejects %s, naming the field', (_description, path, value, field, reason) => {
    expectIssue(() => decodeEvent(contract, withField(example(), path, value)), field, reason);
  });

  it('reports every failing field at once', () => {
    const event = withField(withField(example(), 'type', 'nope'), 'identity', {});

    const violation = expectIssue(() => decodeEvent(contract, event), 'type', /must be one of/);

    expect(violation.issues.map((issue) => issue.field)).toEqual(expect.arrayContaining(['type', 'identity']));
  });

  it.each([
    ['the anonymousId first', { anonymousId: 'anon-1', userId: 'user-1', email: 'a@example.com' }, 'anon-1'],
    ['the userId when there is no anonymousId', { userId: 'user-1', email: 'a@example.com' }, 'user-1'],
    ['the lower-cased email as a last resort', { email: 'Ada@Example.com' }, 'ada@example.com'],
  ])('is keyed by %s', (_description, identity, key) => {
    expect(encodeEvent(contract, { ...example(), identity }).key).toBe(key);
  });

  it('rejects a key longer than any identity can be', () => {
    expectIssue(() => decodeKey(contract, 'x'.repeat(255)), `${KEY_FIELD}.identity`, /shorter than or equal to 254/);
  });
});
