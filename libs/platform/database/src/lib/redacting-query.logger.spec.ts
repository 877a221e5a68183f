import { describeQueryError } from './redacting-query.logger';

function pgError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('describeQueryError', () => {
  it('keeps the statement, SQLSTATE and message of an ordinary failure', () => {
    const entry = describeQueryError(pgError('relation "lead" does not exist', '42P01'), 'SELECT * FROM lead');
    expect(entry).toEqual({
      msg: 'query failed',
      query: 'SELECT * FROM lead',
      code: '42P01',
      error: 'relation "lead" does not exist',
    });
  });

  it('redacts data-exception messages, which echo the rejected value', () => {
    const entry = describeQueryError(
      pgError('invalid input syntax for type uuid: "jane@example.com"', '22P02'),
      'INSERT INTO inbox VALUES ($1)',
    );
    expect(JSON.stringify(entry)).not.toContain('jane@example.com');
    expect(entry.code).toBe('22P02');
  });

  it('has no field for bound parameters', () => {
    expect(Object.keys(describeQueryError('boom', 'SELECT $1'))).toEqual(['msg', 'query', 'error']);
  });
});
