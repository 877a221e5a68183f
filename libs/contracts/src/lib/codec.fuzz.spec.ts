import fc from 'fast-check';
import { decodeEvent, decodeEventJson, decodeMessage, encodeEvent, KEY_FIELD } from './event-codec';
import { exampleEvents } from './examples';
import {
  anyInstantText,
  cleanText,
  decodesOrViolates,
  fuzz,
  hostileChar,
  hostileDepth,
  hostileJson,
  hostileText,
  nestedValue,
  objectPaths,
  stringPaths,
  validInstant,
  validProperties,
  withForbiddenCharacter,
} from '../testing/fuzz';
import { violationOf, withField } from '../testing/violations';
import type { TopicContract } from './topic-contract';
import { Topics, type TopicKey } from './topics';
import { INSTANT_LIMITS } from './validation/instant';
import { PAYLOAD_STRUCTURE_LIMITS } from './validation/payload-structure';

// Every topic's codec, against arbitrary input: it answers with a value or a ContractViolationError, never
// anything else, and what it accepts survives a round trip.
const contracts = (Object.keys(Topics) as TopicKey[]).map((topicKey) => ({
  topicKey,
  contract: Topics[topicKey] as TopicContract,
  example: () => exampleEvents[topicKey]() as unknown as Record<string, unknown>,
}));

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Re-encodes a decoded value and decodes the message again: the same event must come back. */
function expectRoundTrip(contract: TopicContract, decoded: object): void {
  const encoded = encodeEvent(contract, decoded as never);
  const again = decodeMessage(contract, encoded.key, encoded.value);
  expect(asJson(again.value)).toEqual(asJson(decoded));
  expect(again.key).toBeInstanceOf(contract.keyType);
}

/** A valid example with one top-level field (or the whole body) replaced by arbitrary JSON. */
const bodyLike = (example: () => Record<string, unknown>, json: fc.Arbitrary<unknown>) =>
  fc.oneof(
    json,
    fc
      .tuple(fc.constantFrom(...Object.keys(example())), json)
      .map(([field, value]) => ({ ...example(), [field]: value })),
  );

// Text of JSON shallow enough for the test's own (recursive) JSON.stringify; deep text is built as a string.
const shallowJson = fc.jsonValue({ maxDepth: 4, stringUnit: hostileChar });

describe.each(contracts)('$contract.name codec under fuzzing', ({ topicKey, contract, example }) => {
  it('decodes arbitrary JSON to a value or a ContractViolationError, and what it accepts round-trips', () => {
    fuzz(
      `${topicKey}.decodeEvent`,
      fc.property(bodyLike(example, hostileJson), (raw) => {
        let decoded: object | undefined;
        if (decodesOrViolates(() => (decoded = decodeEvent(contract, raw))) && decoded) {
          expectRoundTrip(contract, decoded);
        }
      }),
    );
  });

  it('accepts events with arbitrary Unicode text, instants and properties, and they round-trip', () => {
    const withProperties = 'properties' in example();
    const valid = fc.record({
      eventId: fc.uuid(),
      occurredAt: validInstant,
      correlationId: cleanText({ minLength: 1, maxLength: 64 }),
      properties: withProperties ? validProperties : fc.constant(undefined),
    });
    fuzz(
      `${topicKey}.validRoundTrip`,
      fc.property(valid, ({ properties, ...envelope }) => {
        const event = { ...example(), ...envelope, ...(withProperties ? { properties } : {}) };
        expectRoundTrip(contract, decodeEvent(contract, event));
      }),
    );
  });

  it('decodes arbitrary bytes and JSON text to a value or a ContractViolationError', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 64 }),
      bodyLike(example, shallowJson).map((value) => JSON.stringify(value) ?? ''),
      fc.tuple(hostileDepth, fc.boolean()).map(([depth, closed]) => {
        const body = `{"properties":${'{"a":'.repeat(depth)}1${'}'.repeat(closed ? depth : depth - 1)}}`;
        return JSON.stringify(example()).replace(/}$/, `,"extra":${body}}`);
      }),
    );
    fuzz(
      `${topicKey}.decodeEventJson`,
      fc.property(text, fc.boolean(), (payload, asBuffer) => {
        decodesOrViolates(() => decodeEventJson(contract, asBuffer ? Buffer.from(payload) : payload));
      }),
    );
  });

  it('decodes a message under an arbitrary key to a value or a ContractViolationError', () => {
    fuzz(
      `${topicKey}.decodeMessage`,
      fc.property(fc.oneof(hostileText, fc.constant(contract.keyOf(example() as never))), (key) => {
        const value = JSON.stringify(example());
        if (decodesOrViolates(() => decodeMessage(contract, key, value))) {
          expect(key).toBe(contract.keyOf(example() as never));
        }
      }),
    );
  });

  it('rejects a NUL or lone surrogate in any string of the example, naming that field', () => {
    const paths = stringPaths(example());
    fuzz(
      `${topicKey}.forbiddenCharacter`,
      fc.property(fc.constantFrom(...paths), withForbiddenCharacter, (path, spoil) => {
        const base = example();
        const original = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], base);
        const violation = violationOf(() => decodeEvent(contract, withField(base, path, spoil(original as string))));
        expect(violation.issues).toEqual([
          { field: path, reasons: [expect.stringMatching(/must not contain (the NUL character|a lone UTF-16)/)] },
        ]);
      }),
    );
  });

  it('accepts an occurredAt exactly when it parses to an instant inside the window, else names it', () => {
    fuzz(
      `${topicKey}.occurredAt`,
      fc.property(anyInstantText, (text) => {
        const raw = { ...example(), occurredAt: text };
        if (!decodesOrViolates(() => decodeEvent(contract, raw))) {
          const violation = violationOf(() => decodeEvent(contract, raw));
          expect(violation.issues.map((issue) => issue.field)).toEqual(['occurredAt']);
          return;
        }
        const ms = Date.parse(text);
        expect(Number.isFinite(ms)).toBe(true);
        expect(ms).toBeGreaterThanOrEqual(Date.parse(INSTANT_LIMITS.earliest));
        expect(ms).toBeLessThanOrEqual(Date.now() + INSTANT_LIMITS.maxFutureSkewMs);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/);
      }),
    );
  });

  it('rejects nesting injected into any object of the example, naming where it is', () => {
    const paths = objectPaths(example());
    fuzz(
      `${topicKey}.deepNesting`,
      fc.property(fc.constantFrom(...paths), hostileDepth, (path, depth) => {
        // An empty object as the leaf: even one level is then more grouping than properties allow.
        const deep = nestedValue(depth, 'a', {});
        const injected = path ? withField(example(), `${path}.deep`, deep) : { ...example(), deep };
        const violation = violationOf(() => decodeEvent(contract, injected));
        const deepestLevel = path.split('.').filter(Boolean).length + 1 + depth + 1;
        const tooDeep = deepestLevel > PAYLOAD_STRUCTURE_LIMITS.maxDepth;
        // Named by a field at or under the injection point, or (free-form records) by a reason quoting its path.
        const named = violation.issues.some(
          (issue) => issue.field.startsWith(path) || issue.reasons.some((reason) => reason.startsWith(`${path}.deep `)),
        );
        expect(named).toBe(true);
        if (tooDeep) expect(violation.issues[0].reasons[0]).toMatch(/nests deeper than 16 levels/);
      }),
    );
  });
});

describe('message keys under fuzzing', () => {
  it('rejects a key holding NUL or a lone surrogate, naming the key', () => {
    fuzz(
      'keys.forbiddenCharacter',
      fc.property(fc.constantFrom(...contracts), withForbiddenCharacter, ({ contract, example }, spoil) => {
        const event = example();
        const violation = violationOf(() => decodeMessage(contract, spoil(contract.keyOf(event as never)), '{}'));
        expect(violation.issues[0].field.startsWith(KEY_FIELD)).toBe(true);
      }),
    );
  });
});
