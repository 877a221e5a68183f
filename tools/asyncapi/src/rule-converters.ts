import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import {
  getMetadataStorage,
  IS_FQDN,
  IS_URL,
  IS_ISO31661_ALPHA_2,
  IS_ISO4217_CURRENCY_CODE,
  IS_NOT_EMPTY,
  IS_OPTIONAL,
  MATCHES,
  MAX,
  MIN,
  ValidationTypes,
  type MetadataStorage,
} from 'class-validator';
import type { targetConstructorToSchema } from 'class-validator-jsonschema';
import {
  CUSTOM_TYPE_PATTERN,
  FLAT_RECORD_LIMITS,
  HAS_AT_LEAST_ONE_OF,
  INSTANT_LIMITS,
  IS_CUSTOM_TYPE_OF_ACTIVITY,
  IS_DIFFERENT_FROM,
  IS_FLAT_RECORD,
  IS_INSTANT,
  aheadInWords,
  type Constructor,
  type RequiredWhenContext,
  type RequiredWithContext,
} from '@handoff/contracts';
import type { JsonSchema } from './json-schema';

export type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
export type ConverterOptions = NonNullable<Parameters<typeof targetConstructorToSchema>[1]>;

// class-transformer keeps its @Type/@Transform metadata in a module it does not re-export; class-validator-jsonschema's
// README reads @Type from the same place.
export const transformerStorage = (
  require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadataStorage }
).defaultMetadataStorage;

/** What converters need from the schema set being built: nested classes and shared components. */
export interface SchemaRegistry {
  refOf(type: Constructor<object>): JsonSchema;
  addComponent(name: string, schema: JsonSchema): JsonSchema;
}

const EVENT_PROPERTIES_SCHEMA = 'EventProperties';

const siteOf = (meta: ValidationMetadata): string =>
  `${(meta.target as Constructor<object>).name}.${meta.propertyName}`;

/** The rule's name: a custom constraint's own name (IsInstant's `isInstant`), else the metadata type. */
export function ruleNameOf(meta: ValidationMetadata): string {
  const [constraint] = meta.constraintCls ? getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls) : [];
  return constraint?.name ?? meta.type;
}

export const isOptionalRule = (meta: ValidationMetadata): boolean =>
  meta.type === ValidationTypes.CONDITIONAL_VALIDATION && meta.name === IS_OPTIONAL;

/** The property an IsRequiredWith rule ties this one to, read from its ValidateIf context. */
export const requiredWithOf = (meta: ValidationMetadata): string | undefined =>
  meta.type === ValidationTypes.CONDITIONAL_VALIDATION
    ? (meta.context as Partial<RequiredWithContext> | undefined)?.requiredWith
    : undefined;

/** The sibling and values an IsRequiredWhen rule ties this one to, read from its ValidateIf context. */
export const requiredWhenOf = (meta: ValidationMetadata): RequiredWhenContext['requiredWhen'] | undefined =>
  meta.type === ValidationTypes.CONDITIONAL_VALIDATION
    ? (meta.context as Partial<RequiredWhenContext> | undefined)?.requiredWhen
    : undefined;

function eventProperties(): JsonSchema {
  const scalar: JsonSchema = {
    type: ['string', 'number', 'boolean', 'null'],
    maxLength: FLAT_RECORD_LIMITS.maxStringLength,
  };
  const list: JsonSchema = { type: 'array', maxItems: FLAT_RECORD_LIMITS.maxArrayLength, items: scalar };
  const record = (values: JsonSchema): JsonSchema => ({
    type: 'object',
    maxProperties: FLAT_RECORD_LIMITS.maxKeys,
    propertyNames: { type: 'string', minLength: 1, maxLength: FLAT_RECORD_LIMITS.maxKeyLength },
    additionalProperties: values,
  });
  return {
    description: 'Free-form properties: scalars, lists of scalars, and one level of objects of those.',
    ...record({ anyOf: [scalar, list, record({ anyOf: [scalar, list] })] }),
  };
}

function nestedRef(meta: ValidationMetadata, registry: SchemaRegistry): JsonSchema {
  const typeMetadata = transformerStorage.findTypeMetadata(meta.target as Constructor<object>, meta.propertyName);
  if (!typeMetadata)
    throw new Error(`${siteOf(meta)}: ValidateNested needs class-transformer's @Type to name its class`);
  return registry.refOf(typeMetadata.typeFunction() as Constructor<object>);
}

function patternOf(meta: ValidationMetadata): JsonSchema {
  const [pattern, modifiers] = meta.constraints;
  const regex = pattern instanceof RegExp ? pattern : new RegExp(String(pattern), modifiers as string | undefined);
  if (regex.flags !== '')
    throw new Error(`${siteOf(meta)}: Matches with flags /${regex.flags} has no JSON Schema mapping`);
  return { type: 'string', pattern: regex.source };
}

/**
 * class-validator-jsonschema's converters for the rules it does not know (Handoff's own decorators, two ISO codes)
 * and overrides where its default is looser than the rule or silently guesses:
 * - the fallback for an unknown rule throws instead of guessing from the property's design type;
 * - ValidateNested needs @Type (the default falls back to the design type, `Array` for a list);
 * - a ValidateIf must be IsRequiredWith's or IsRequiredWhen's (a condition function cannot be read back), else generation fails;
 * - Min/Max leave the type to IsInt or IsNumber (the default's `number` would overwrite IsInt's `integer`);
 * - IsNotEmpty is a minimum length only (the default also makes the property a string);
 * - IsDefined adds nothing: `required` states presence and the property's type already excludes null;
 * - Matches refuses regex flags JSON Schema patterns cannot carry (the default drops them);
 * - IsFQDN says in words that a dot is needed, which `format: hostname` does not require;
 * - IsUrl is JSON Schema's `uri` format (the default writes `url`, which no validator knows).
 */
export function ruleConverters(registry: SchemaRegistry): ConverterOptions['additionalConverters'] {
  const converters: Record<string, (meta: ValidationMetadata) => JsonSchema> = {
    [ValidationTypes.CUSTOM_VALIDATION]: (meta) => {
      throw new Error(
        `${siteOf(meta)}: class-validator rule ${ruleNameOf(meta)} has no JSON Schema mapping (add one in rule-converters.ts)`,
      );
    },
    [ValidationTypes.NESTED_VALIDATION]: (meta) => nestedRef(meta, registry),
    [ValidationTypes.CONDITIONAL_VALIDATION]: (meta) => {
      if (isOptionalRule(meta) || requiredWithOf(meta) !== undefined || requiredWhenOf(meta) !== undefined) return {};
      throw new Error(
        `${siteOf(meta)}: ValidateIf has no JSON Schema mapping (use IsRequiredWith, or map the condition)`,
      );
    },
    [ValidationTypes.IS_DEFINED]: () => ({}),
    [MIN]: (meta) => ({ minimum: meta.constraints[0] }),
    [MAX]: (meta) => ({ maximum: meta.constraints[0] }),
    [IS_NOT_EMPTY]: () => ({ minLength: 1 }),
    [MATCHES]: patternOf,
    [IS_FQDN]: () => ({ type: 'string', format: 'hostname', description: 'a fully qualified domain name' }),
    [IS_URL]: () => ({ type: 'string', format: 'uri', description: 'an absolute http(s) URL' }),
    [IS_ISO31661_ALPHA_2]: () => ({
      type: 'string',
      pattern: '^[A-Za-z]{2}$',
      description: 'an ISO 3166-1 alpha-2 country code (any case)',
    }),
    [IS_ISO4217_CURRENCY_CODE]: () => ({
      type: 'string',
      pattern: '^[A-Za-z]{3}$',
      description: 'an ISO 4217 currency code (any case)',
    }),
    [IS_INSTANT]: (meta) => ({
      type: 'string',
      format: 'date-time',
      description:
        `an RFC 3339 date-time with a time zone (T and Z upper case), from ${INSTANT_LIMITS.earliest} to ` +
        `${aheadInWords(meta.constraints[0] as number)} after it is checked`,
    }),
    [IS_FLAT_RECORD]: () => registry.addComponent(EVENT_PROPERTIES_SCHEMA, eventProperties()),
    [HAS_AT_LEAST_ONE_OF]: (meta) => ({
      anyOf: (meta.constraints[0] as string[]).map((key) => ({
        required: [key],
        properties: { [key]: { type: 'string', minLength: 1 } },
      })),
    }),
    [IS_DIFFERENT_FROM]: (meta) => ({ description: `must differ from ${String(meta.constraints[0])}` }),
    // Whether customType may be present depends on the sibling `type`: see objectRuleOf in class-schemas.ts.
    [IS_CUSTOM_TYPE_OF_ACTIVITY]: () => ({ type: 'string', pattern: CUSTOM_TYPE_PATTERN.source }),
  };
  // Our schemas are plain JSON Schema objects; the library types them as OpenAPI's SchemaObject.
  return converters as unknown as ConverterOptions['additionalConverters'];
}
