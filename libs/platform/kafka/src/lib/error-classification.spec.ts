import { ContractViolationError } from '@handoff/contracts';
import { classifyError, errorClassOf, errorMessageOf, PoisonMessageError } from './error-classification';

describe('classifyError', () => {
  it('treats a PoisonMessageError as poison', () => {
    expect(classifyError(new PoisonMessageError('lead cannot exist'))).toBe('poison');
  });

  it('treats a contract violation as poison, because the same bytes fail the same way', () => {
    expect(classifyError(new ContractViolationError('t.v1', [{ field: 'leadId', reasons: ['missing'] }]))).toBe(
      'poison',
    );
  });

  it('treats every other error, and non-errors, as transient', () => {
    expect(classifyError(new Error('connection refused'))).toBe('transient');
    expect(classifyError(new TypeError('oops'))).toBe('transient');
    expect(classifyError('a string was thrown')).toBe('transient');
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
