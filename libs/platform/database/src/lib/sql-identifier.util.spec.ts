import type { DataSource } from 'typeorm';
import { assertSchemaName, assertSqlIdentifier, qualifiedTable, serviceSchemaOf } from './sql-identifier.util';

describe('sql identifiers', () => {
  it.each(['ingest', 'scoring', 'test_0a1b', '_private', 'a'.repeat(63)])('accepts the plain identifier %s', (name) => {
    expect(assertSqlIdentifier(name)).toBe(name);
  });

  it.each(['', 'Ingest', '1abc', 'in-gest', 'a b', 'x"; DROP TABLE y; --', 'a'.repeat(64), 'émile'])(
    'rejects %j, which could not be spliced into SQL safely',
    (name) => {
      expect(() => assertSqlIdentifier(name)).toThrow(/Invalid identifier/);
    },
  );

  it('rejects schema names PostgreSQL reserves', () => {
    expect(() => assertSchemaName('pg_temp')).toThrow(/reserved/);
    expect(() => assertSchemaName('information_schema')).toThrow(/reserved/);
  });

  it('quotes both parts of a schema-qualified table', () => {
    expect(qualifiedTable('routing', 'outbox')).toBe('"routing"."outbox"');
  });

  it('reads the service schema from a PostgreSQL data source and refuses one without a schema', () => {
    const withSchema = {
      options: { type: 'postgres', schema: 'quota' },
    } as unknown as DataSource;
    const withoutSchema = {
      options: { type: 'postgres' },
    } as unknown as DataSource;
    expect(serviceSchemaOf(withSchema)).toBe('quota');
    expect(() => serviceSchemaOf(withoutSchema)).toThrow(/createDataSourceOptions/);
  });
});
