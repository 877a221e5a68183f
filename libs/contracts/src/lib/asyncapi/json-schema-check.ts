import type { JsonSchema } from './decorator-schemas';

/**
 * A small JSON Schema checker for exactly the keywords the AsyncAPI generator emits, so tests can hold the
 * generated schemas against real events without a schema library. An unknown keyword throws: a new keyword in
 * the generator needs a check here too.
 */
export function schemaProblems(value: unknown, schema: JsonSchema, document: JsonSchema, path = '$'): string[] {
  const problems: string[] = [];
  for (const [keyword, argument] of Object.entries(schema)) {
    const check = KEYWORDS[keyword];
    if (!check) throw new Error(`json-schema-check does not know the keyword ${keyword}`);
    const problem = check(value, argument, { document, path, schema });
    if (problem) problems.push(...(Array.isArray(problem) ? problem : [`${path}: ${problem}`]));
  }
  return problems;
}

interface Context {
  document: JsonSchema;
  path: string;
  schema: JsonSchema;
}
type Check = (value: unknown, argument: unknown, context: Context) => string | string[] | undefined;

const FORMATS: Readonly<Record<string, RegExp>> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  hostname:
    /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/,
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typeOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

function resolve(reference: string, document: JsonSchema): JsonSchema {
  const target = reference
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, segment) => (isObject(node) ? node[segment] : undefined), document);
  if (!isObject(target)) throw new Error(`json-schema-check cannot resolve ${reference}`);
  return target;
}

const sub = (value: unknown, schema: unknown, context: Context, path = context.path): string[] =>
  schemaProblems(value, schema as JsonSchema, context.document, path);

const stringRule =
  (test: (value: string, argument: never) => boolean, describe: (argument: never) => string): Check =>
  (value, argument) =>
    typeof value === 'string' && !test(value, argument as never) ? describe(argument as never) : undefined;
const numberRule =
  (test: (value: number, argument: number) => boolean, describe: string): Check =>
  (value, argument) =>
    typeof value === 'number' && !test(value, argument as number) ? `${describe} ${String(argument)}` : undefined;
const arrayRule =
  (test: (value: unknown[], argument: number) => boolean, describe: string): Check =>
  (value, argument) =>
    Array.isArray(value) && !test(value, argument as number) ? `${describe} ${String(argument)} items` : undefined;
const objectRule =
  (
    check: (value: Record<string, unknown>, argument: never, context: Context) => string | string[] | undefined,
  ): Check =>
  (value, argument, context) =>
    isObject(value) ? check(value, argument as never, context) : undefined;

const KEYWORDS: Readonly<Record<string, Check>> = {
  description: () => undefined,
  $ref: (value, reference, context) => sub(value, resolve(reference as string, context.document), context),
  type: (value, expected) => {
    const allowed = [expected].flat() as string[];
    return typeOf(value).some((type) => allowed.includes(type)) ? undefined : `must be ${allowed.join(' or ')}`;
  },
  enum: (value, allowed) => ((allowed as unknown[]).includes(value) ? undefined : 'must be one of the listed values'),
  const: (value, expected) => (value === expected ? undefined : `must be ${JSON.stringify(expected)}`),
  format: stringRule(
    (value, format: string) => FORMATS[format]?.test(value) ?? false,
    (format: string) => `must be a ${format}`,
  ),
  pattern: stringRule(
    (value, pattern: string) => new RegExp(pattern, 'u').test(value),
    (pattern: string) => `must match ${pattern}`,
  ),
  minLength: stringRule(
    (value, min: number) => value.length >= min,
    (min: number) => `must have at least ${min} characters`,
  ),
  maxLength: stringRule(
    (value, max: number) => value.length <= max,
    (max: number) => `must have at most ${max} characters`,
  ),
  minimum: numberRule((value, min) => value >= min, 'must be at least'),
  maximum: numberRule((value, max) => value <= max, 'must be at most'),
  minItems: arrayRule((value, min) => value.length >= min, 'must have at least'),
  maxItems: arrayRule((value, max) => value.length <= max, 'must have at most'),
  items: (value, schema, context) =>
    Array.isArray(value)
      ? value.flatMap((item, index) => sub(item, schema, context, `${context.path}[${index}]`))
      : undefined,
  required: objectRule((value, names: string[]) => {
    const missing = names.filter((name) => !(name in value));
    return missing.length > 0 ? `misses ${missing.join(', ')}` : undefined;
  }),
  properties: objectRule((value, schemas: Record<string, JsonSchema>, context) =>
    Object.entries(schemas)
      .filter(([name]) => name in value)
      .flatMap(([name, schema]) => sub(value[name], schema, context, `${context.path}.${name}`)),
  ),
  additionalProperties: objectRule((value, allowed: boolean | JsonSchema, context) => {
    const declared = isObject(context.schema.properties) ? context.schema.properties : {};
    const extra = Object.keys(value).filter((name) => !(name in declared));
    if (allowed === false) return extra.length > 0 ? `has undeclared ${extra.join(', ')}` : undefined;
    return extra.flatMap((name) => sub(value[name], allowed, context, `${context.path}.${name}`));
  }),
  maxProperties: objectRule((value, max: number) =>
    Object.keys(value).length > max ? `must have at most ${max} properties` : undefined,
  ),
  propertyNames: objectRule((value, schema: JsonSchema, context) =>
    Object.keys(value).flatMap((name) => sub(name, schema, context, `${context.path}[key ${name}]`)),
  ),
  dependencies: objectRule((value, dependencies: Record<string, string[]>) => {
    const unmet = Object.entries(dependencies).filter(
      ([name, needed]) => name in value && needed.some((other) => !(other in value)),
    );
    return unmet.length > 0
      ? `${unmet.map(([name, needed]) => `${name} needs ${needed.join(', ')}`).join('; ')}`
      : undefined;
  }),
  allOf: (value, schemas, context) => (schemas as JsonSchema[]).flatMap((schema) => sub(value, schema, context)),
  anyOf: (value, schemas, context) =>
    (schemas as JsonSchema[]).some((schema) => sub(value, schema, context).length === 0)
      ? undefined
      : 'matches none of the allowed shapes',
  not: (value, schema, context) => (sub(value, schema, context).length === 0 ? 'matches a forbidden shape' : undefined),
  if: (value, condition, context) => {
    const branch = sub(value, condition, context).length === 0 ? context.schema.then : context.schema.else;
    return branch === undefined ? undefined : sub(value, branch, context);
  },
  then: () => undefined,
  else: () => undefined,
};
