import type { DataSource } from 'typeorm';

// Lower-case only, so a validated name never needs case-preserving quotes and reads the same in SQL and config.
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Throws unless `name` is a plain lower-case PostgreSQL identifier (safe to splice into SQL). */
export function assertSqlIdentifier(name: string, what = 'identifier'): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(`Invalid ${what} "${name}": use 1-63 characters of a-z, 0-9 and _, not starting with a digit`);
  }
  return name;
}

/** Validates a service schema name; `pg_` names are reserved by PostgreSQL. */
export function assertSchemaName(schema: string): string {
  assertSqlIdentifier(schema, 'schema name');
  if (schema.startsWith('pg_') || schema === 'information_schema') {
    throw new Error(`Invalid schema name "${schema}": reserved by PostgreSQL`);
  }
  return schema;
}

export function quoteIdentifier(name: string): string {
  return `"${assertSqlIdentifier(name)}"`;
}

export function qualifiedTable(schema: string, table: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
}

/** The service schema a data source was built for (see createDataSourceOptions). */
export function serviceSchemaOf(dataSource: DataSource): string {
  const { options } = dataSource;
  if (options.type !== 'postgres' || !options.schema) {
    throw new Error('Expected a PostgreSQL data source with a schema; build its options with createDataSourceOptions');
  }
  return assertSchemaName(options.schema);
}
