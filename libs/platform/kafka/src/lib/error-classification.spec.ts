import { ContractViolationError } from '@handoff/contracts';
import { DomainError, type ErrorCode } from '@handoff/shared-errors';
import { classifyError, errorClassOf, errorMessageOf, PoisonMessageError, poisonOnThrow } from './error-classification';

/** What pg's DatabaseError and TypeORM's QueryFailedError (which copies the driver's fields) look like. */
function queryFailed(code: string, message = `failed with ${code}`): Error {
  const driverError = Object.assign(new Error(message), { name: 'error', code });
  return Object.assign(new Error(message), { name: 'QueryFailedError', code, driverError });
}

function withCode(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyError', () => {
  describe('poison: fails the same way for the same record, dead-lettered at once', () => {
    it('a PoisonMessageError, even when its cause looks transient', () => {
      expect(classifyError(new PoisonMessageError('lead cannot exist'))).toBe('poison');
      expect(classifyError(new PoisonMessageError('wrapped', { cause: withCode('ECONNRESET') }))).toBe('poison');
    });

    it('a contract violation, because the same bytes fail the same way', () => {
      const violation = new ContractViolationError('t.v1', [{ field: 'leadId', reasons: ['missing'] }]);
      expect(classifyError(violation)).toBe('poison');
    });

    it.each([
      ['21000', 'ON CONFLICT DO UPDATE command cannot affect row a second time'],
      ['22P05', 'unsupported Unicode escape sequence'],
      ['22003', 'numeric field overflow'],
      ['22007', 'invalid datetime format'],
      ['22021', 'invalid byte sequence for encoding "UTF8"'],
      ['23505', 'duplicate key value violates unique constraint'],
      ['23514', 'new row violates check constraint'],
    ])('a PostgreSQL data exception or integrity violation (SQLSTATE %s: %s)', (code, message) => {
      expect(classifyError(queryFailed(code, message))).toBe('poison');
      expect(classifyError(withCode(code, message))).toBe('poison');
    });

    it('a SQLSTATE found only on the driver error or a cause', () => {
      const wrapped = new Error('save failed', { cause: withCode('23503') });
      expect(classifyError(wrapped)).toBe('poison');
      expect(classifyError(Object.assign(new Error('x'), { driverError: withCode('22001') }))).toBe('poison');
    });

    it('a RangeError, TypeError or SyntaxError from parsing the record', () => {
      expect(classifyError(new RangeError('Invalid time value'))).toBe('poison');
      expect(classifyError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe('poison');
      expect(classifyError(new SyntaxError('Unexpected token } in JSON'))).toBe('poison');
    });
  });

  describe('transient: a dependency is away, retried in place for as long as it takes', () => {
    it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])(
      'a network error (%s)',
      (code) => expect(classifyError(withCode(code))).toBe('transient'),
    );

    it.each([
      ['08006', 'connection failure'],
      ['08001', 'unable to establish connection'],
      ['40001', 'serialization failure'],
      ['40P01', 'deadlock detected'],
      ['55P03', 'lock not available'],
      ['57014', 'canceling statement due to statement timeout'],
      ['57P01', 'terminating connection due to administrator command'],
      ['57P03', 'the database system is starting up'],
      ['53300', 'too many connections'],
    ])('a PostgreSQL error a retry can cure (SQLSTATE %s: %s)', (code, message) => {
      expect(classifyError(queryFailed(code, message))).toBe('transient');
    });

    it('a driver that lost its connection without a code (pg, the pool, ioredis)', () => {
      expect(classifyError(new Error('Connection terminated unexpectedly'))).toBe('transient');
      expect(classifyError(new Error('timeout exceeded when trying to connect'))).toBe('transient');
      expect(classifyError(new Error('Connection is closed.'))).toBe('transient');
      expect(classifyError(Object.assign(new Error('retries'), { name: 'MaxRetriesPerRequestError' }))).toBe(
        'transient',
      );
    });

    it('a Kafka error the client marks retriable, and a timeout', () => {
      expect(classifyError(Object.assign(new Error('leader not available'), { retriable: true }))).toBe('transient');
      expect(classifyError(Object.assign(new Error('request timed out'), { name: 'TimeoutError' }))).toBe('transient');
    });

    it('a TypeError caused by a connection problem, which is not a parse error', () => {
      const fetchFailed = new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') });
      expect(classifyError(fetchFailed)).toBe('transient');
    });
  });

  describe('unclassified: retried within the retry budget, then dead-lettered', () => {
    it('a plain error, an unknown SQLSTATE class, a non-retriable Kafka error and thrown non-errors', () => {
      expect(classifyError(new Error('something odd'))).toBe('unclassified');
      expect(classifyError(queryFailed('42P01', 'relation "leads" does not exist'))).toBe('unclassified');
      expect(classifyError(Object.assign(new Error('not authorized'), { retriable: false }))).toBe('unclassified');
      expect(classifyError('a string was thrown')).toBe('unclassified');
      expect(classifyError(undefined)).toBe('unclassified');
    });

    it('stops following a cause chain that loops', () => {
      const first = new Error('first');
      const second = new Error('second', { cause: first });
      Object.assign(first, { cause: second });
      expect(classifyError(first)).toBe('unclassified');
    });
  });
});

describe('classifyError of domain errors, by code', () => {
  it.each<[ErrorCode, string]>([
    ['invalid', 'poison'],
    ['payload-too-large', 'poison'],
    ['not-found', 'poison'],
    ['gone', 'poison'],
    ['conflict', 'poison'],
    ['unavailable', 'transient'],
  ])('%s is %s, whatever caused it', (code, kind) => {
    expect(classifyError(new DomainError(code, 'x'))).toBe(kind);
    if (code !== 'unavailable') {
      expect(classifyError(new DomainError(code, 'x', { cause: withCode('ECONNRESET') }))).toBe(kind);
    }
  });

  it('unavailable with a cause takes the kind of that cause', () => {
    const wrapping = (cause: unknown) => new DomainError('unavailable', 'identity store unavailable', { cause });
    expect(classifyError(wrapping(withCode('ECONNREFUSED')))).toBe('transient');
    expect(classifyError(wrapping(queryFailed('23505')))).toBe('poison');
    expect(classifyError(wrapping(new Error('something odd')))).toBe('unclassified');
  });

  it('a domain error found only as a cause', () => {
    expect(classifyError(new Error('handler failed', { cause: new DomainError('not-found', 'x') }))).toBe('poison');
    expect(classifyError(new Error('handler failed', { cause: new DomainError('unavailable', 'x') }))).toBe(
      'transient',
    );
  });
});

describe('errorClassOf and errorMessageOf', () => {
  it('name the error class and message of errors and of thrown non-errors', () => {
    expect(errorClassOf(new PoisonMessageError('bad'))).toBe('PoisonMessageError');
    expect(errorMessageOf(new PoisonMessageError('bad'))).toBe('bad');
    expect(errorClassOf('text')).toBe('string');
    expect(errorMessageOf(42)).toBe('42');
  });
});

describe('poisonOnThrow', () => {
  it('returns what the work returns', () => {
    expect(poisonOnThrow(() => 42)).toBe(42);
  });

  it('turns an error of pure work into a poison error that keeps the message and the cause', () => {
    const cause = new RangeError('weight must be positive');
    const thrown = (() => {
      try {
        poisonOnThrow(() => {
          throw cause;
        });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(PoisonMessageError);
    expect(thrown).toMatchObject({ message: 'weight must be positive', cause });
    expect(classifyError(thrown as Error)).toBe('poison');
  });

  it('passes a poison error through unchanged', () => {
    const poison = new PoisonMessageError('bad record');
    expect(() =>
      poisonOnThrow(() => {
        throw poison;
      }),
    ).toThrow(poison);
  });
});
