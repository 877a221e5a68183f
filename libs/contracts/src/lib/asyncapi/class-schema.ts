import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, IS_OPTIONAL, ValidationTypes, type MetadataStorage } from 'class-validator';
import type { Constructor } from '../topic-contract';
import { trimSurroundingWhitespace, type RequiredWithContext } from '../validation/field-rules';
import { decoratorSchemaOf, mergeSchemas, schemaRef, type JsonSchema } from './decorator-schemas';

// class-transformer's @Type/@Transform metadata lives in a module whose typings sit apart from it (types/, not cjs/).
const transformerStorage = (
  require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadataStorage }
).defaultMetadataStorage;

/** Keywords that confine a value to a kind, so a property with none of them would accept anything. */
const TYPING_KEYWORDS = ['type', '$ref', 'allOf', 'enum', 'const'];

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/** Where a property's rules live: the class and property, so an unmapped rule can be named exactly. */
interface PropertySite {
  type: Constructor<object>;
  property: string;
}

interface PropertySchema {
  schema: JsonSchema;
  required: boolean;
  /** Rules on the object as a whole (conditions between properties). */
  objectRules: JsonSchema[];
}

/**
 * JSON Schemas of classes from their class-validator (and class-transformer) metadata, one component per class,
 * nested classes referenced by $ref. A rule it has no mapping for throws, naming the class, property and rule.
 */
export class ClassSchemas {
  private readonly schemas = new Map<string, JsonSchema>();
  private readonly classes = new Map<string, Constructor<object>>();

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

  /** The name and schema of a class's only property, e.g. a key class's, whose value is the wire key. */
  onlyPropertyOf(type: Constructor<object>): { property: string; schema: JsonSchema } {
    const metadatas = metadatasOf(type);
    const names = [...new Set(metadatas.map((metadata) => metadata.propertyName))];
    if (names.length !== 1) throw new Error(`${type.name} must have exactly one property, it has ${names.length}`);
    const [property] = names;
    return { property, schema: this.propertyOf({ type, property }, metadatas).schema };
  }

  /** Every schema built so far, by name, in a stable order. */
  components(): Record<string, JsonSchema> {
    const names = [...this.schemas.keys()].sort();
    return Object.fromEntries(names.map((name) => [name, this.schemas.get(name) as JsonSchema]));
  }

  private objectSchemaOf(type: Constructor<object>): JsonSchema {
    const metadatas = metadatasOf(type);
    if (metadatas.length === 0) throw new Error(`${type.name} has no class-validator rules to describe`);
    const names = [...new Set(metadatas.map((metadata) => metadata.propertyName))];
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const objectRules: JsonSchema[] = [];
    for (const property of names) {
      const described = this.propertyOf(
        { type, property },
        metadatas.filter((metadata) => metadata.propertyName === property),
      );
      properties[property] = described.schema;
      if (described.required) required.push(property);
      objectRules.push(...described.objectRules);
    }
    return {
      type: 'object',
      properties,
      required,
      additionalProperties: false,
      ...(objectRules.length > 0 ? { allOf: objectRules } : {}),
    };
  }

  private propertyOf(site: PropertySite, metadatas: ValidationMetadata[]): PropertySchema {
    const name = `${site.type.name}.${site.property}`;
    let optional = false;
    let nullable = false;
    const objectRules: JsonSchema[] = [];
    const fragments: JsonSchema[] = [transformSchemaOf(site)];
    for (const metadata of metadatas) {
      switch (metadata.type) {
        case ValidationTypes.CONDITIONAL_VALIDATION:
          if (metadata.name === IS_OPTIONAL) {
            optional = nullable = true;
          } else {
            optional = true;
            objectRules.push(requiredWithRule(name, site.property, metadata));
          }
          break;
        case ValidationTypes.IS_DEFINED:
          break;
        case ValidationTypes.NESTED_VALIDATION:
          fragments.push(eachOrWhole(metadata, this.refOf(nestedTypeOf(site))));
          break;
        case ValidationTypes.CUSTOM_VALIDATION: {
          const ruleSite = { name, property: site.property };
          const mapped = decoratorSchemaOf(ruleSite, constraintNameOf(metadata), metadata.constraints ?? []);
          if (mapped.conditional) optional = true;
          if (mapped.objectRule) objectRules.push(mapped.objectRule);
          if (mapped.component) this.schemas.set(mapped.component.name, mapped.component.schema);
          fragments.push(eachOrWhole(metadata, mapped.schema));
          break;
        }
        default:
          throw new Error(`${name}: class-validator rule type ${metadata.type} has no JSON Schema mapping`);
      }
    }
    const schema = withReferenceFirst(mergeSchemas(name, fragments));
    if (!TYPING_KEYWORDS.some((keyword) => schema[keyword] !== undefined)) {
      throw new Error(`${name}: no rule gives the property a type, so its JSON Schema would accept anything`);
    }
    return { schema: nullable ? orNull(schema) : schema, required: !optional, objectRules };
  }
}

function metadatasOf(type: Constructor<object>): ValidationMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(type, undefined as unknown as string, false, false);
}

function constraintNameOf(metadata: ValidationMetadata): string {
  const [constraint] = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls);
  return constraint?.name ?? metadata.name ?? '(unnamed)';
}

const eachOrWhole = (metadata: ValidationMetadata, schema: JsonSchema): JsonSchema =>
  metadata.each ? { items: schema } : schema;

function nestedTypeOf(site: PropertySite): Constructor<object> {
  const typeMetadata = transformerStorage.findTypeMetadata(site.type, site.property);
  if (!typeMetadata) {
    throw new Error(
      `${site.type.name}.${site.property}: ValidateNested needs class-transformer's @Type to name its class`,
    );
  }
  return typeMetadata.typeFunction() as Constructor<object>;
}

/** Transforms change the value before validation; only those whose effect is known are allowed. */
function transformSchemaOf(site: PropertySite): JsonSchema {
  const transforms = transformerStorage.findTransformMetadatas(
    site.type,
    site.property,
    TransformationType.PLAIN_TO_CLASS,
  );
  for (const transform of transforms) {
    if (transform.transformFn !== trimSurroundingWhitespace) {
      throw new Error(`${site.type.name}.${site.property}: a class-transformer @Transform has no JSON Schema mapping`);
    }
  }
  return transforms.length > 0 ? { description: 'surrounding whitespace is trimmed before validation' } : {};
}

function requiredWithRule(name: string, property: string, metadata: ValidationMetadata): JsonSchema {
  const context = metadata.context as Partial<RequiredWithContext> | undefined;
  if (typeof context?.requiredWith !== 'string') {
    throw new Error(`${name}: ValidateIf has no JSON Schema mapping (use IsRequiredWith, or map the condition)`);
  }
  return { dependencies: { [context.requiredWith]: [property] } };
}

/**
 * JSON Schema ignores keywords beside a $ref, so further rules on a referenced object go in an allOf. The
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
