import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  EQUALS,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_EMAIL,
  IS_ENUM,
  IS_FQDN,
  IS_IN,
  IS_INT,
  IS_ISO31661_ALPHA_2,
  IS_ISO4217_CURRENCY_CODE,
  IS_NOT_EMPTY,
  IS_NUMBER,
  IS_OBJECT,
  IS_STRING,
  IS_UUID,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
} from 'class-validator';
import { HAS_AT_LEAST_ONE_OF } from '../validation/has-at-least-one-of.validator';
import { CUSTOM_TYPE_PATTERN, IS_CUSTOM_TYPE_OF_ACTIVITY } from '../validation/is-custom-type.validator';
import { IS_DIFFERENT_FROM } from '../validation/is-different-from.validator';
import { INSTANT_LIMITS, IS_INSTANT, aheadInWords } from '../validation/instant';
import { FLAT_RECORD_LIMITS, IS_FLAT_RECORD } from '../validation/is-flat-record.validator';

export type JsonSchema = { [keyword: string]: unknown };

export const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

export const EVENT_PROPERTIES_SCHEMA = 'EventProperties';

/** What one validation rule says, in JSON Schema terms. */
export interface DecoratorSchema {
  /** Constraints on the property's value. */
  schema: JsonSchema;
  /** A constraint on the object holding the property (a rule that relates two properties). */
  objectRule?: JsonSchema;
  /** The rule decides itself whether the property must be present, so it is not plainly required. */
  conditional?: boolean;
  /** A shared component the schema references. */
  component?: { name: string; schema: JsonSchema };
}

/** The rule's site: `Class.property` for errors, and the property name for rules that relate properties. */
export interface RuleSite {
  name: string;
  property: string;
}

type Mapping = (constraints: readonly unknown[], site: RuleSite) => DecoratorSchema;

const value = (schema: JsonSchema): DecoratorSchema => ({ schema });
const text = (extra: JsonSchema): DecoratorSchema => value({ type: 'string', ...extra });

function patternOf([pattern, modifiers]: readonly unknown[], site: RuleSite): DecoratorSchema {
  const regex = pattern instanceof RegExp ? pattern : new RegExp(String(pattern), modifiers as string | undefined);
  if (regex.flags !== '')
    throw new Error(`${site.name}: Matches with flags /${regex.flags} has no JSON Schema mapping`);
  return text({ pattern: regex.source });
}

function finiteNumber([options]: readonly unknown[], site: RuleSite): DecoratorSchema {
  // NaN and Infinity cannot be written in JSON, so only a decimal-places limit would be left to state.
  if ((options as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces !== undefined) {
    throw new Error(`${site.name}: IsNumber's maxDecimalPlaces has no JSON Schema mapping`);
  }
  return value({ type: 'number' });
}

function eventProperties(): DecoratorSchema {
  const scalar: JsonSchema = {
    type: ['string', 'number', 'boolean', 'null'],
    maxLength: FLAT_RECORD_LIMITS.maxStringLength,
  };
  const list: JsonSchema = { type: 'array', maxItems: FLAT_RECORD_LIMITS.maxArrayLength, items: scalar };
  const record = (values: JsonSchema): JsonSchema => ({
    type: 'object',
    maxProperties: FLAT_RECORD_LIMITS.maxKeys,
    propertyNames: { minLength: 1, maxLength: FLAT_RECORD_LIMITS.maxKeyLength },
    additionalProperties: values,
  });
  return {
    schema: schemaRef(EVENT_PROPERTIES_SCHEMA),
    component: {
      name: EVENT_PROPERTIES_SCHEMA,
      schema: {
        description: 'Free-form properties: scalars, lists of scalars, and one level of objects of those.',
        ...record({ anyOf: [scalar, list, record({ anyOf: [scalar, list] })] }),
      },
    },
  };
}

const atLeastOneOf = ([keys]: readonly unknown[]): DecoratorSchema =>
  value({
    anyOf: (keys as string[]).map((key) => ({
      required: [key],
      properties: { [key]: { type: 'string', minLength: 1 } },
    })),
  });

// The validator reads the sibling `type`: customType is required when it is `custom`, and absent otherwise.
const customTypeOfActivity: Mapping = (_constraints, site) => ({
  schema: { type: 'string', pattern: CUSTOM_TYPE_PATTERN.source },
  conditional: true,
  objectRule: {
    if: { properties: { type: { const: 'custom' } }, required: ['type'] },
    then: { required: [site.property] },
    else: { not: { required: [site.property] } },
  },
});

/** class-validator rule name → JSON Schema. Rules JSON Schema cannot enforce are stated in a description. */
const MAPPINGS: Readonly<Record<string, Mapping>> = {
  [IS_STRING]: () => text({}),
  [IS_NOT_EMPTY]: () => value({ minLength: 1 }),
  [MIN_LENGTH]: ([min]) => value({ minLength: min }),
  [MAX_LENGTH]: ([max]) => value({ maxLength: max }),
  [MATCHES]: patternOf,
  [IS_UUID]: () => text({ format: 'uuid' }),
  [IS_INSTANT]: ([maxAheadMs]) =>
    text({
      format: 'date-time',
      description:
        `an RFC 3339 date-time with a time zone (T and Z upper case), from ${INSTANT_LIMITS.earliest} to ` +
        `${aheadInWords(maxAheadMs as number)} after it is checked`,
    }),
  [IS_EMAIL]: () => text({ format: 'email' }),
  [IS_FQDN]: () => text({ format: 'hostname', description: 'a fully qualified domain name' }),
  [IS_ISO31661_ALPHA_2]: () =>
    text({ pattern: '^[A-Za-z]{2}$', description: 'an ISO 3166-1 alpha-2 country code (any case)' }),
  [IS_ISO4217_CURRENCY_CODE]: () =>
    text({ pattern: '^[A-Za-z]{3}$', description: 'an ISO 4217 currency code (any case)' }),
  [IS_IN]: ([allowed]) => value({ enum: [...(allowed as unknown[])] }),
  [IS_ENUM]: ([entity]) => value({ enum: Object.values(entity as object) }),
  [EQUALS]: ([expected]) => value({ const: expected }),
  [IS_INT]: () => value({ type: 'integer' }),
  [IS_NUMBER]: finiteNumber,
  [MIN]: ([min]) => value({ minimum: min }),
  [MAX]: ([max]) => value({ maximum: max }),
  [IS_BOOLEAN]: () => value({ type: 'boolean' }),
  [IS_ARRAY]: () => value({ type: 'array' }),
  [ARRAY_MIN_SIZE]: ([min]) => value({ minItems: min }),
  [ARRAY_MAX_SIZE]: ([max]) => value({ maxItems: max }),
  [IS_OBJECT]: () => value({ type: 'object' }),
  [IS_FLAT_RECORD]: eventProperties,
  [HAS_AT_LEAST_ONE_OF]: atLeastOneOf,
  [IS_DIFFERENT_FROM]: ([other]) => value({ description: `must differ from ${String(other)}` }),
  [IS_CUSTOM_TYPE_OF_ACTIVITY]: customTypeOfActivity,
};

/** The JSON Schema of one class-validator rule; a rule without a mapping fails generation, naming where it is. */
export function decoratorSchemaOf(site: RuleSite, ruleName: string, constraints: readonly unknown[]): DecoratorSchema {
  const mapping = MAPPINGS[ruleName];
  if (!mapping) {
    throw new Error(
      `${site.name}: class-validator rule ${ruleName} has no JSON Schema mapping (add one in decorator-schemas.ts)`,
    );
  }
  return mapping(constraints, site);
}

const LOWER_BOUNDS = new Set(['minLength', 'minimum', 'minItems']);
const UPPER_BOUNDS = new Set(['maxLength', 'maximum', 'maxItems']);

function mergeTypes(name: string, left: unknown, right: unknown): unknown {
  if (left === right) return left;
  const pair = new Set([left, right]);
  if (pair.has('integer') && pair.has('number')) return 'integer';
  throw new Error(`${name}: rules disagree on the type (${String(left)} and ${String(right)})`);
}

/** The conjunction of several rules' schemas: bounds tighten, an integer is a number, anything else must agree. */
export function mergeSchemas(name: string, schemas: readonly JsonSchema[]): JsonSchema {
  const merged: JsonSchema = {};
  for (const schema of schemas) {
    for (const [keyword, next] of Object.entries(schema)) {
      const current = merged[keyword];
      if (current === undefined) merged[keyword] = next;
      else if (keyword === 'type') merged[keyword] = mergeTypes(name, current, next);
      else if (LOWER_BOUNDS.has(keyword)) merged[keyword] = Math.max(current as number, next as number);
      else if (UPPER_BOUNDS.has(keyword)) merged[keyword] = Math.min(current as number, next as number);
      else if (keyword === 'description') merged[keyword] = `${String(current)}; ${String(next)}`;
      else if (keyword === 'items') merged[keyword] = mergeSchemas(name, [current as JsonSchema, next as JsonSchema]);
      else if (JSON.stringify(current) !== JSON.stringify(next)) {
        throw new Error(`${name}: rules disagree on ${keyword}`);
      }
    }
  }
  return merged;
}
