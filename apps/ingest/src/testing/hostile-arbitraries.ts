import { ACTIVITY_TYPES } from '@handoff/shared-vocabulary';
import fc from 'fast-check';

/**
 * Generators of what marketing tools and attackers send ingest: arbitrary Unicode (NUL, lone surrogates,
 * emails, prototype keys), arbitrary dates and formats, arbitrary JSON and nesting, and valid events of
 * every API with one field replaced by any of these or removed.
 */

const NASTY_PIECES = ['\u0000', '\ud800', '\udfff', ' ', '\t', '@', 'a@b.io', '__proto__', 'constructor', '%40', '.'];

const hostileChar = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_PIECES) },
);

export const hostileText = fc.string({ unit: hostileChar, maxLength: 40 });

const WINDOW_START_MS = Date.parse('2000-01-01T00:00:00Z');

/** An instant every service accepts: from 2000 until now. */
export const validInstant = fc
  .integer({ min: WINDOW_START_MS, max: Date.now() })
  .map((ms) => new Date(ms).toISOString());

export const hostileInstant = fc.oneof(
  validInstant,
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom(
    '2024-W05',
    '20240101',
    '2024-01-01',
    '9999-12-31T00:00:00Z',
    '1970-01-01T00:00:00Z',
    '2024-02-30T10:00:00Z',
    '2024-01-01T10:00:00+23:59',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:00:00',
    '',
  ),
  hostileText,
);

const hostileJsonValue = fc.jsonValue({ maxDepth: 4, stringUnit: hostileChar });

/** `{ k: { k: … } }` deeper than any limit but shallow enough for the test's own JSON.stringify. */
const deepObject = fc
  .tuple(fc.integer({ min: 1, max: 80 }), fc.constantFrom('a', '__proto__', '0'))
  .map(([levels, key]) => {
    let value: unknown = 'leaf';
    for (let level = 0; level < levels; level++) value = { [key]: value };
    return value;
  });

export const hostileJson = fc.oneof(hostileJsonValue, deepObject, hostileText, hostileInstant);

const hostileRecord = fc.oneof(fc.dictionary(hostileText, hostileJson, { maxKeys: 6 }), hostileJson);

/** Replaces one field (a dotted path) of a valid body by a hostile value, or removes it. */
function mutated<T extends object>(valid: fc.Arbitrary<T>, paths: string[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.constantFrom(...paths), fc.option(hostileJson, { nil: undefined, freq: 6 }))
    .map(([body, path, value]) => withField(structuredClone(body), path.split('.'), value));
}

function withField(body: object, path: string[], value: unknown): object {
  let target = body as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return body;
}

const id = (prefix: string) => fc.stringMatching(/^[a-z0-9]{6,12}$/).map((text) => `${prefix}-${text}`);

const validNative = fc.record({
  messageId: fc.uuid(),
  type: fc.constantFrom(...ACTIVITY_TYPES.filter((type) => type !== 'custom')),
  occurredAt: validInstant,
  identity: fc.record({ anonymousId: id('anon') }),
  properties: fc.record({ url: fc.webUrl(), title: fc.string({ maxLength: 20 }) }),
});

const NATIVE_FIELDS = [
  'messageId',
  'type',
  'customType',
  'occurredAt',
  'identity',
  'identity.anonymousId',
  'identity.userId',
  'identity.email',
  'properties',
  'properties.url',
  'properties.__proto__',
  'profile',
  'profile.email',
  'profile.traits',
  'colour',
];

/** A native event, valid or with one field broken, or any JSON at all. */
export const nativeEvent = fc.oneof(validNative, mutated(validNative, NATIVE_FIELDS), hostileJson);

const segmentCommon = {
  messageId: fc.uuid(),
  userId: id('user'),
  anonymousId: id('anon'),
  originalTimestamp: validInstant,
  sentAt: validInstant,
  context: fc.constant({ library: { name: 'fuzz', version: '1.0.0' } }),
};
const SEGMENT_FIELDS = ['messageId', 'userId', 'anonymousId', 'timestamp', 'originalTimestamp', 'sentAt', 'context'];

const segmentCalls = {
  track: fc.record({ ...segmentCommon, event: fc.string({ maxLength: 30 }), properties: hostileRecord }),
  page: fc.record({ ...segmentCommon, name: fc.string({ maxLength: 20 }), properties: hostileRecord }),
  identify: fc.record({
    ...segmentCommon,
    traits: fc.record({ email: fc.emailAddress(), title: hostileText, company: hostileJson, custom: hostileJson }),
  }),
  group: fc.record({ ...segmentCommon, groupId: id('acct'), traits: hostileRecord }),
  alias: fc.record({ messageId: fc.uuid(), previousId: id('anon'), userId: id('user'), timestamp: validInstant }),
};
export type SegmentCall = keyof typeof segmentCalls;

const EXTRA_FIELDS: Record<SegmentCall, string[]> = {
  track: ['event', 'properties', 'properties.a.b'],
  page: ['name', 'properties', 'properties.path'],
  identify: ['traits', 'traits.email', 'traits.company', 'traits.__proto__'],
  group: ['groupId', 'traits', 'traits.employees'],
  alias: ['previousId', 'userId', 'timestamp'],
};

/** One Segment call, valid or with one field broken. */
export function segmentCall(call: SegmentCall): fc.Arbitrary<unknown> {
  const valid: fc.Arbitrary<object> = segmentCalls[call];
  return fc.oneof(valid, mutated(valid, [...SEGMENT_FIELDS, ...EXTRA_FIELDS[call]]));
}

/** A Segment batch: items of any type (or none), broken or not. */
export const segmentBatchItem = fc.oneof(
  ...(Object.keys(segmentCalls) as SegmentCall[]).map((call) =>
    segmentCall(call).map((body) => (typeof body === 'object' && body !== null ? { type: call, ...body } : body)),
  ),
  hostileJson,
);
