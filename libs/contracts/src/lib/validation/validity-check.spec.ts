import { plainToInstance } from 'class-transformer';
import { IsString, ValidatePromise, Validator } from 'class-validator';
import { exampleEvents } from '../examples';
import { REMOVE, withField } from '../../testing/violations';
import type { Constructor } from '../topic-contract';
import { Topics, type TopicKey } from '../topics';
import { passesValidation } from './validity-check';

const validator = new Validator();
const STRICT = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const LENIENT = { ...STRICT, forbidNonWhitelisted: false };

/** Values that break one rule or another: types, emptiness, lengths, formats. */
const REPLACEMENTS: unknown[] = [
  REMOVE,
  null,
  '',
  ' ',
  'x'.repeat(3000),
  'not-a-date',
  '2026-02-30T10:00:00Z',
  0,
  -1,
  1.5,
  Number.NaN,
  true,
  [],
  ['a'],
  [{}],
  {},
  { nested: { deeper: 1 } },
];

/** Dotted paths of every field of a JSON value, objects and array items included. */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...pathsOf(child, path)];
  });
}

/** Every example event with each field replaced in turn by each value above, plus an unknown field per object. */
function variantsOf(example: object): object[] {
  const paths = pathsOf(example);
  const objectPaths = ['', ...paths.filter((path) => isObjectAt(example, path))];
  return [
    example,
    ...paths.flatMap((path) => REPLACEMENTS.map((value) => withField(example, path, value))),
    ...objectPaths.map((path) => withField(example, path ? `${path}.unexpected` : 'unexpected', 'x')),
  ];
}

function isObjectAt(root: object, path: string): boolean {
  const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TOPIC_KEYS = Object.keys(exampleEvents) as TopicKey[];

describe('passesValidation', () => {
  it.each(TOPIC_KEYS)('agrees with class-validator on valid and broken %s events', (topic) => {
    const type: Constructor<object> = Topics[topic].valueType;
    const variants = variantsOf(exampleEvents[topic]());

    const disagreements = variants.filter((raw) => {
      const accepted = validator.validateSync(plainToInstance(type, raw), STRICT).length === 0;
      return passesValidation(plainToInstance(type, raw), { forbidUnknownFields: true }) !== accepted;
    });

    expect(variants.length).toBeGreaterThan(100);
    expect(disagreements).toEqual([]);
  });

  it.each(TOPIC_KEYS)(
    'drops unknown fields of %s events exactly as class-validator does when they are allowed',
    (topic) => {
      const type: Constructor<object> = Topics[topic].valueType;
      for (const raw of variantsOf(exampleEvents[topic]())) {
        const checked = plainToInstance(type, raw);
        const reference = plainToInstance(type, raw);
        const accepted = validator.validateSync(reference, LENIENT).length === 0;

        const passed = passesValidation(checked, { forbidUnknownFields: false });

        expect({ passed, value: passed ? checked : 'rejected' }).toEqual({
          passed: accepted,
          value: accepted ? reference : 'rejected',
        });
      }
    },
  );

  it('accepts a valid event', () => {
    const event = plainToInstance(Topics.engagementRecorded.valueType, exampleEvents.engagementRecorded());

    expect(passesValidation(event, { forbidUnknownFields: true })).toBe(true);
  });

  it('leaves a plain object, which has no rules of its own, to class-validator', () => {
    expect(passesValidation({ eventId: 'x' }, { forbidUnknownFields: true })).toBe(false);
  });

  it('leaves a class with rules it does not apply (promise validation) to class-validator', () => {
    class WithPromise {
      @IsString()
      name = 'ok';

      @ValidatePromise()
      later = Promise.resolve('x');
    }

    expect(passesValidation(new WithPromise(), { forbidUnknownFields: true })).toBe(false);
  });
});
