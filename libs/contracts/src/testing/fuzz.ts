import fc from 'fast-check';
import { ContractViolationError } from '../lib/contract-violation.error';
import { PAYLOAD_STRUCTURE_LIMITS, PROTOTYPE_KEYS, textProblem } from '../lib/validation/payload-structure';

/** `npm test` runs a few hundred cases per property; `npm run test:fuzz` sets FUZZ_RUNS to thousands. */
export const FUZZ_DEFAULTS = Object.freeze({ runs: 200, seed: 20_240_131 });

/** Runs and seed from FUZZ_RUNS and FUZZ_SEED, so a failure reproduces with the seed it reports. */
export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): { numRuns: number; seed: number } {
  const read = (text: string | undefined, fallback: number): number =>
    text !== undefined && /^-?\d+$/.test(text.trim()) ? Number(text) : fallback;
  return {
    numRuns: Math.max(1, read(env['FUZZ_RUNS'], FUZZ_DEFAULTS.runs)),
    seed: read(env['FUZZ_SEED'], FUZZ_DEFAULTS.seed),
  };
}

/**
 * Checks a property with the configured runs and seed and prints `fuzz <name>: <n> cases` (the campaign adds
 * these up); a counterexample fails the test with fast-check's report, seed and path included.
 */
export function fuzz<Ts>(name: string, property: fc.IProperty<Ts>): void {
  const details = fc.check(property, fuzzSettings());
  process.stdout.write(`fuzz ${name}: ${details.numRuns} cases\n`);
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? `fuzz ${name} failed`);
}

/** Runs `action`: true when it returns or throws a ContractViolationError; anything else is rethrown. */
export function decodesOrViolates(action: () => unknown): boolean {
  try {
    action();
    return true;
  } catch (error) {
    if (error instanceof ContractViolationError) return false;
    throw error;
  }
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));

/** Any code point, plus the characters that break storage and parsers: NUL, lone surrogates, emoji, BOM. */
export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom('\u0000', '🚀', '👩🏽‍💻', 'é', '\u200b', '\ufeff', '.', '@') },
  { weight: 1, arbitrary: loneSurrogate },
);

export const hostileText = fc.string({ unit: hostileChar, maxLength: 24 });

/** Text every contract's strings may hold (no NUL, no lone surrogate), still covering all of Unicode. */
export const cleanText = (options: { minLength?: number; maxLength: number }): fc.Arbitrary<string> =>
  fc.string({ unit: 'binary', ...options }).filter((text) => textProblem(text) === undefined);

const EARLIEST_MS = Date.parse('2000-01-01T00:00:00Z');

/** An instant inside the window (2000 until now), as UTC or with a whole-hour offset. */
export const validInstant: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: EARLIEST_MS, max: Date.now() }), fc.integer({ min: -12, max: 14 }))
  .map(([ms, offsetHours]) => {
    const utc = new Date(ms).toISOString();
    if (offsetHours === 0) return utc;
    const local = new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, -1);
    const sign = offsetHours < 0 ? '-' : '+';
    return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
  });

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Date-like text from arbitrary components and separators: the near misses a format check must catch. */
const dateLikeText: fc.Arbitrary<string> = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    separator: fc.constantFrom('T', 't', ' ', ''),
    fraction: fc.constantFrom('', '.', '.5', '.123', '.123456789', '.1234567890'),
    zone: fc.constantFrom('Z', 'z', '', '+01:00', '-05:30', '+14:00', '+14:01', '-23:59', '+0100', '+01'),
  })
  .map(
    (p) =>
      `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}${p.separator}` +
      `${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${p.fraction}${p.zone}`,
  );

/** Any text that might be sent as a timestamp: valid ones, near misses, ISO 8601 oddities and noise. */
export const anyInstantText: fc.Arbitrary<string> = fc.oneof(
  validInstant,
  dateLikeText,
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('20240101', '2024-W05', '2024-W05-3', '2024-031', '2024-01-31', '9999-12-31T23:59:59Z', ''),
  hostileText,
);

const scalar = fc.oneof(
  cleanText({ maxLength: 40 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const recordKey = cleanText({ minLength: 1, maxLength: 32 }).filter((key) => !PROTOTYPE_KEYS.has(key));

/** Free-form properties any contract accepts: Unicode keys and text, numbers, lists and one level of grouping. */
export const validProperties = fc.dictionary(
  recordKey,
  fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 5 }),
    fc.dictionary(recordKey, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 4 }),
  ),
  { maxKeys: 8 },
);

/** `{ key: { key: … } }` of the given depth, built without recursion. */
export function nestedValue(depth: number, key = 'a', leaf: unknown = 1): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = key === '[]' ? [value] : { [key]: value };
  return value;
}

/** A nesting depth around and far beyond the limit (thousands of levels). */
export const hostileDepth = fc.oneof(
  fc.integer({ min: 1, max: PAYLOAD_STRUCTURE_LIMITS.maxDepth + 2 }),
  fc.integer({ min: 1, max: 6_000 }),
);

/** Arbitrary JSON with hostile strings and keys, including prototype keys and deep nesting. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4, stringUnit: hostileChar }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(hostileDepth, fc.constantFrom('a', '[]', ...PROTOTYPE_KEYS))
      .map(([depth, key]) => nestedValue(depth, key)),
  },
);

/** Every path to a string in `value` (`identity.anonymousId`, `topFactors.0.label`), including inside arrays. */
export function stringPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => stringPaths(child, path ? `${path}.${key}` : key));
}

/** Every path to an object in `value`, the value itself being ''. */
export function objectPaths(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const nested = Object.entries(value).flatMap(([key, child]) => objectPaths(child, path ? `${path}.${key}` : key));
  return [path, ...nested];
}

/** Inserts a character that no contract accepts at a position of `text`. */
export const withForbiddenCharacter = fc
  .tuple(fc.constantFrom('\u0000', '\ud800', '\udc00', '\udbff'), fc.nat())
  .map(([bad, position]) => (text: string): string => {
    const at = text.length === 0 ? 0 : position % (text.length + 1);
    return `${text.slice(0, at)}${bad}${text.slice(at)}`;
  });
