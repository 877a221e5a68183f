import {
  getMetadataStorage,
  type MetadataStorage,
  type ValidationArguments,
  ValidationTypes,
  type ValidatorConstraintInterface,
} from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
/** A class whose decorators registered rules, as class-validator's storage names it. */
type ValidatedClass = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];

export interface ValidityCheckOptions {
  /** true: an undeclared field fails (forbidNonWhitelisted); false: it is deleted, as class-validator does. */
  forbidUnknownFields: boolean;
}

interface Rule {
  metadata: ValidationMetadata;
  /** The rule's synchronous constraints; validateSync skips async ones. */
  constraints: ValidatorConstraintInterface[];
}

interface PropertyPlan {
  name: string;
  /** IsOptional / ValidateIf: when one says no, the property is not validated at all. */
  conditions: ((object: object, value: unknown) => boolean)[];
  /** IsDefined runs before the other rules, as in class-validator. */
  defined: Rule[];
  rules: Rule[];
  nested: boolean;
}

interface ClassPlan {
  properties: PropertyPlan[];
  declared: Set<string>;
}

/** The metadata types the check knows how to apply; a class using any other (e.g. promise validation) is left to class-validator. */
const SUPPORTED_TYPES = new Set<string>([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.WHITELIST,
]);

// Decorators register their metadata when a class is defined, before any instance can be validated,
// so a class's plan can be built once, on first use. null: the class uses something the check does not apply.
const plans = new WeakMap<ValidatedClass, ClassPlan | null>();

/**
 * Whether class-validator's `validateSync(instance, { whitelist: true, forbidUnknownValues: true, ... })` finds
 * no error, without building its error tree: the same decorators' constraint functions, applied with the same
 * rules (conditions, IsDefined first, `each`, nested objects and arrays, unknown fields), from metadata read
 * once per class. `true` is exact; `false` means "rejected, or not sure": the caller then runs class-validator,
 * whose errors (and messages) are the answer. With unknown fields allowed it deletes them, as class-validator does.
 */
export function passesValidation(instance: object, options: ValidityCheckOptions): boolean {
  const type: unknown = instance.constructor;
  if (typeof type !== 'function') return false;
  const plan = planOf(type);
  // No rules at all is forbidUnknownValues' "unknown value" error.
  if (plan === null || plan.properties.length === 0) return false;
  const record = instance as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (plan.declared.has(key)) continue;
    if (options.forbidUnknownFields) return false;
    delete record[key];
  }
  return plan.properties.every((property) => passesProperty(record, property, options));
}

function passesProperty(
  object: Record<string, unknown>,
  property: PropertyPlan,
  options: ValidityCheckOptions,
): boolean {
  const value = object[property.name];
  if (!property.conditions.every((condition) => condition(object, value))) return true;
  return (
    passesRules(object, value, property.defined) &&
    passesRules(object, value, property.rules) &&
    (!property.nested || value === undefined || passesNested(value, options))
  );
}

function passesRules(object: Record<string, unknown>, value: unknown, rules: readonly Rule[]): boolean {
  for (const { metadata, constraints } of rules) {
    if (metadata.validateIf && !metadata.validateIf(object, value)) continue;
    const args: ValidationArguments = {
      targetName: object.constructor ? object.constructor.name : (undefined as unknown as string),
      property: metadata.propertyName,
      object,
      value,
      constraints: metadata.constraints,
    };
    const subjects = metadata.each && isCollection(value) ? collectionValues(value) : [value];
    for (const constraint of constraints) {
      for (const subject of subjects) {
        const valid: unknown = constraint.validate(subject, args);
        // A promise is not a verdict in a synchronous check: let class-validator decide.
        if (!valid || isThenable(valid)) return false;
      }
    }
  }
  return true;
}

/** ValidateNested: every item of a collection (undefined items skipped), or the object itself, must pass. */
function passesNested(value: unknown, options: ValidityCheckOptions): boolean {
  if (isCollection(value)) {
    return collectionItems(value).every((item) => item === undefined || passesNested(item, options));
  }
  return value instanceof Object && passesValidation(value, options);
}

const isThenable = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

const isCollection = (value: unknown): value is unknown[] | Set<unknown> | Map<unknown, unknown> =>
  Array.isArray(value) || value instanceof Set || value instanceof Map;

/** What an `each` rule checks: class-validator's convertToArray. */
function collectionValues(value: unknown[] | Set<unknown> | Map<unknown, unknown>): unknown[] {
  if (value instanceof Map) return Array.from(value.values());
  return Array.isArray(value) ? value : Array.from(value);
}

/** What nested validation visits: forEach, so an array's holes are skipped as class-validator skips them. */
function collectionItems(value: unknown[] | Set<unknown> | Map<unknown, unknown>): unknown[] {
  const items: unknown[] = [];
  value.forEach((item: unknown) => items.push(item));
  return items;
}

function planOf(type: ValidatedClass): ClassPlan | null {
  let plan = plans.get(type);
  if (plan === undefined) {
    plan = buildPlan(type);
    plans.set(type, plan);
  }
  return plan;
}

function buildPlan(type: ValidatedClass): ClassPlan | null {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(type, undefined as unknown as string, false, false);
  if (metadatas.some((metadata) => !SUPPORTED_TYPES.has(metadata.type))) return null;
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const metadata of metadatas) {
    byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  }
  const ruleOf = (metadata: ValidationMetadata): Rule => ({
    metadata,
    constraints: storage
      .getTargetValidatorConstraints(metadata.constraintCls)
      .filter((constraint) => !constraint.async)
      .map((constraint) => constraint.instance as ValidatorConstraintInterface),
  });
  const ofType = (list: ValidationMetadata[], kind: string) => list.filter((metadata) => metadata.type === kind);
  const properties = [...byProperty].map(([name, list]) => ({
    name,
    conditions: ofType(list, ValidationTypes.CONDITIONAL_VALIDATION).map(
      (metadata) => metadata.constraints[0] as (object: object, value: unknown) => boolean,
    ),
    defined: ofType(list, ValidationTypes.IS_DEFINED).map(ruleOf),
    rules: ofType(list, ValidationTypes.CUSTOM_VALIDATION).map(ruleOf),
    nested: ofType(list, ValidationTypes.NESTED_VALIDATION).length > 0,
  }));
  return { properties, declared: new Set(byProperty.keys()) };
}
