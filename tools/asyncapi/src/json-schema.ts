export type JsonSchema = { [keyword: string]: unknown };

/** Where class schemas live in the AsyncAPI document; every $ref to a class starts with it. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export const schemaRef = (name: string): JsonSchema => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` });
