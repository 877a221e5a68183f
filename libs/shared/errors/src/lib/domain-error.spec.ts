import { DomainError } from './domain-error';

describe('DomainError', () => {
  it('carries its code, message, failing fields and cause', () => {
    const cause = new Error('socket hang up');
    const details = [{ field: 'version', reasons: ['version must be a string'] }];

    const error = new DomainError('invalid', 'scoring model is invalid', { details, cause });

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'DomainError', code: 'invalid', message: 'scoring model is invalid', details });
    expect(error.cause).toBe(cause);
  });

  it('has neither details nor cause unless given', () => {
    const error = new DomainError('not-found', 'no lead has the id 7');

    expect(error.details).toBeUndefined();
    expect(error.cause).toBeUndefined();
  });
});
