import { TransformationType } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { IS_CUSTOM_TYPE_OF_ACTIVITY, trimSurroundingWhitespace, type Constructor } from '@handoff/contracts';
import { SCHEMA_REF_PREFIX, schemaRef, type JsonSchema } from './json-schema';
import {
  isOptionalRule,
  requiredWhenOf,
  requiredWithOf,
  ruleConverters,
  ruleNameOf,
  transformerStorage,
  type ConverterOptions,
  type SchemaRegistry,
  type ValidationMetadata,
} from './rule-converters';

/** Keywords that confine a value to a kind, so a property with none of them would accept anything. */
const TYPING_KEYWORDS = ['type', '$ref', 'allOf', 'anyOf', 'enum', 'const'];

/**
 * JSON Schemas of classes from their class-validator metadata, one component per class, nested classes referenced
 * by $ref. class-validator-jsonschema converts each property's rules (rule-converters.ts adds ours); this class
 * completes each class schema with what a per-property converter cannot state, read from the same metadata:
 * - `additionalProperties: false`: the codec forbids undeclared fields;
 * - `null` for IsOptional properties: IsOptional skips validation of null too, so null is valid on the wire;
 * - rules between properties, on the object: IsRequiredWith (`dependencies`) and IsCustomTypeOfActivity
 *   (`if`/`then`/`else` on the sibling `type`, and not plainly required);
 * - class-transformer @Transform: trimming is stated, any other transform fails generation (its effect is unknown);
 * - a $ref with sibling keywords is wrapped in allOf, since draft-07 (AsyncAPI's schema format) ignores siblings;
 * - a property no rule gives a type fails generation, since its schema would accept anything.
 */
export class ClassSchemas implements SchemaRegistry {
  private readonly schemas = new Map<string, JsonSchema>();
  private readonly classes = new Map<string, Constructor<object>>();
  private readonly options: ConverterOptions = {
    refPointerPrefix: SCHEMA_REF_PREFIX,
    classTransformerMetadataStorage: transformerStorage,
    additionalConverters: ruleConverters(this),
  };

  /** The $ref of `type`'s schema, building it (and the schemas it references) on first use. */
  refOf(type: Constructor<object>): JsonSchema {
    const known = this.classes.get(type.name);
    if (known && known !== type) throw new Error(`Two contract classes are named ${type.name}`);
    if (!known) {
      this.classes.set(type.name, type);
      this.schemas.set(type.name, this.objectSchemaOf(type));
    }
    return schemaRef(type.name);
  }

  /** Registers a shared component and returns its $ref. */
  addComponent(name: string, schema: JsonSchema): JsonSchema {
    this.schemas.set(name, schema);
    return schemaRef(name);
  }

  /** The name and schema of a class's only property, e.g. a key class's, whose value is the wire key. */
  onlyPropertyOf(type: Constructor<object>): { property: string; schema: JsonSchema } {
    const properties = this.objectSchemaOf(type).properties as Record<string, JsonSchema>;
    const names = Object.keys(properties);
    if (names.length !== 1) throw new Error(`${type.name} must have exactly one property, it has ${names.length}`);
    const [property] = names;
    return { property, schema: properties[property] };
  }

  /** Every schema built so far, by name, in a stable order. */
  components(): Record<string, JsonSchema> {
    const names = [...this.schemas.keys()].sort();
    return Object.fromEntries(names.map((name) => [name, this.schemas.get(name) as JsonSchema]));
  }

  private objectSchemaOf(type: Constructor<object>): JsonSchema {
    const metadatas = metadatasOf(type);
    if (metadatas.length === 0) throw new Error(`${type.name} has no class-validator rules to describe`);
    const converted = targetConstructorToSchema(type, this.options) as JsonSchema;
    const convertedProperties = converted.properties as Record<string, JsonSchema>;
    const properties: Record<string, JsonSchema> = {};
    const notRequired = new Set<string>();
    const objectRules: JsonSchema[] = [];
    for (const [property, schema] of Object.entries(convertedProperties)) {
      const rules = metadatas.filter((metadata) => metadata.propertyName === property);
      const site = `${type.name}.${property}`;
      const completed = withReferenceFirst(withTransformOf(type, property, schema));
      if (!TYPING_KEYWORDS.some((keyword) => completed[keyword] !== undefined)) {
        throw new Error(`${site}: no rule gives the property a type, so its JSON Schema would accept anything`);
      }
      properties[property] = rules.some(isOptionalRule) ? orNull(completed) : completed;
      for (const rule of rules) {
        const objectRule = objectRuleOf(rule);
        if (objectRule === undefined) continue;
        objectRules.push(objectRule);
        notRequired.add(property);
      }
    }
    const required = ((converted.required as string[] | undefined) ?? []).filter((name) => !notRequired.has(name));
    return {
      type: 'object',
      properties,
      required,
      additionalProperties: false,
      ...(objectRules.length > 0 ? { allOf: objectRules } : {}),
    };
  }
}

function metadatasOf(type: Constructor<object>): ValidationMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
}

/** A rule relating the property to a sibling, stated on the object that holds both. */
function objectRuleOf(rule: ValidationMetadata): JsonSchema | undefined {
  const requiredWith = requiredWithOf(rule);
  if (requiredWith !== undefined) return { dependencies: { [requiredWith]: [rule.propertyName] } };
  const requiredWhen = requiredWhenOf(rule);
  if (requiredWhen !== undefined) {
    return {
      if: { properties: { [requiredWhen.property]: { enum: requiredWhen.values } }, required: [requiredWhen.property] },
      then: { required: [rule.propertyName] },
    };
  }
  if (ruleNameOf(rule) === IS_CUSTOM_TYPE_OF_ACTIVITY) {
    // Required when the activity's `type` is `custom`, and absent otherwise.
    return {
      if: { properties: { type: { const: 'custom' } }, required: ['type'] },
      then: { required: [rule.propertyName] },
      else: { not: { required: [rule.propertyName] } },
    };
  }
  return undefined;
}

/** Transforms change the value before validation; only those whose effect is known are allowed. */
function withTransformOf(type: Constructor<object>, property: string, schema: JsonSchema): JsonSchema {
  const transforms = transformerStorage.findTransformMetadatas(type, property, TransformationType.PLAIN_TO_CLASS);
  for (const transform of transforms) {
    if (transform.transformFn !== trimSurroundingWhitespace) {
      throw new Error(`${type.name}.${property}: a class-transformer @Transform has no JSON Schema mapping`);
    }
  }
  if (transforms.length === 0) return schema;
  const trimmed = 'surrounding whitespace is trimmed before validation';
  return { ...schema, description: schema.description ? `${String(schema.description)}; ${trimmed}` : trimmed };
}

/**
 * JSON Schema draft-07 ignores keywords beside a $ref, so further rules on a referenced object go in an allOf. The
 * referenced class schema is an object already, so `type: object` is not repeated.
 */
function withReferenceFirst(schema: JsonSchema): JsonSchema {
  const { $ref, ...rest } = schema;
  if ($ref === undefined) return schema;
  if (rest.type === 'object') delete rest.type;
  return Object.keys(rest).length === 0 ? { $ref } : { allOf: [{ $ref }, rest] };
}

/** IsOptional also skips validation of null, so an optional property may be null on the wire. */
function orNull(schema: JsonSchema): JsonSchema {
  if (schema.type === undefined && schema.enum === undefined) return { anyOf: [schema, { type: 'null' }] };
  return {
    ...schema,
    ...(typeof schema.type === 'string' ? { type: [schema.type, 'null'] } : {}),
    ...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}),
  };
}
