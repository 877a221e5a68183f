import { registerDecorator, type ValidationArguments } from 'class-validator';

/** The rule's name in class-validator's metadata (the AsyncAPI generator maps it). */
export const IS_FLAT_RECORD = 'isFlatRecord';

/** A scalar an event property may hold. */
export type PropertyScalar = string | number | boolean | null;
/** Scalars, lists of scalars, and one level of grouping (e.g. `utm: { source, campaign }`). */
export type PropertyValue = PropertyScalar | PropertyScalar[] | Record<string, PropertyScalar | PropertyScalar[]>;
export type EventProperties = Record<string, PropertyValue>;

export const FLAT_RECORD_LIMITS = {
  maxKeys: 100,
  maxKeyLength: 128,
  maxStringLength: 2048,
  maxArrayLength: 100,
};

const SCALAR_RULE = `a string of at most ${FLAT_RECORD_LIMITS.maxStringLength} characters, a finite number, a boolean or null`;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isScalar = (value: unknown): boolean =>
  value === null ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.length <= FLAT_RECORD_LIMITS.maxStringLength);

function arrayProblem(path: string, value: unknown[]): string | undefined {
  if (value.length > FLAT_RECORD_LIMITS.maxArrayLength) {
    return `${path} must have at most ${FLAT_RECORD_LIMITS.maxArrayLength} items`;
  }
  return value.every(isScalar) ? undefined : `${path} items must each be ${SCALAR_RULE}`;
}

function valueProblem(path: string, value: unknown, canNest: boolean): string | undefined {
  if (isScalar(value)) return undefined;
  if (Array.isArray(value)) return arrayProblem(path, value);
  if (isPlainObject(value) && canNest) return objectProblem(path, value, false);
  const allowed = canNest
    ? `${SCALAR_RULE}, a list of those or an object of those`
    : `${SCALAR_RULE} or a list of those`;
  return `${path} must be ${allowed}`;
}

function objectProblem(path: string, value: Record<string, unknown>, canNest: boolean): string | undefined {
  const keys = Object.keys(value);
  if (keys.length > FLAT_RECORD_LIMITS.maxKeys) return `${path} must have at most ${FLAT_RECORD_LIMITS.maxKeys} keys`;
  for (const key of keys) {
    if (key.length === 0 || key.length > FLAT_RECORD_LIMITS.maxKeyLength) {
      return `${path} keys must be 1-${FLAT_RECORD_LIMITS.maxKeyLength} characters long`;
    }
    const problem = valueProblem(`${path}.${key}`, value[key], canNest);
    if (problem) return problem;
  }
  return undefined;
}

/** Describes the first way `value` is not a flat-ish record, naming the offending key but never its value. */
export function flatRecordProblem(path: string, value: unknown): string | undefined {
  return isPlainObject(value) ? objectProblem(path, value, true) : `${path} must be an object of named values`;
}

/**
 * Free-form event properties stay queryable and cheap to store: scalar values, lists of scalars and at
 * most one level of nested objects, with bounded sizes.
 */
export function IsFlatRecord(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: IS_FLAT_RECORD,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => flatRecordProblem(args.property, value) === undefined,
        defaultMessage: (args: ValidationArguments) => flatRecordProblem(args.property, args.value) ?? '',
      },
    });
}
