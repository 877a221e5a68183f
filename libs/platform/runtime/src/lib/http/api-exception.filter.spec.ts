import { BadRequestException, type ArgumentsHost, HttpException, ServiceUnavailableException } from '@nestjs/common';
import { ContractViolationError } from '@handoff/contracts';
import { DomainError, type ErrorCode } from '@handoff/shared-errors';
import { ApiExceptionFilter } from './api-exception.filter';
import { mapBodyParserErrors } from './body-parser-errors';

interface Answer {
  status?: number;
  body?: unknown;
  headers: Record<string, string>;
}

function answerTo(exception: unknown): Answer {
  const answer: Answer = { headers: {} };
  const response = {
    headersSent: false,
    getHeader: (name: string) => answer.headers[name],
    setHeader: (name: string, value: string) => (answer.headers[name] = value),
    status(code: number) {
      answer.status = code;
      return this;
    },
    json: (body: unknown) => (answer.body = body),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return answer;
}

/** What mapBodyParserErrors hands on for a body-parser failure. */
function mapped(error: Error): unknown {
  let forwarded: unknown;
  mapBodyParserErrors(error, {} as never, {} as never, (next: unknown) => (forwarded = next));
  return forwarded;
}

const bodyParserError = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);

describe('ApiExceptionFilter', () => {
  it('answers a contract violation with 400 and every failing field', () => {
    const answer = answerTo(
      new ContractViolationError('event', [{ field: 'type', reasons: ['type must be one of …'] }]),
    );

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'request violates the API contract',
      errors: [{ field: 'type', reasons: ['type must be one of …'] }],
    });
  });

  it.each<[ErrorCode, number, string]>([
    ['invalid', 400, 'Bad Request'],
    ['not-found', 404, 'Not Found'],
    ['conflict', 409, 'Conflict'],
    ['gone', 410, 'Gone'],
    ['payload-too-large', 413, 'Payload Too Large'],
    ['unavailable', 503, 'Service Unavailable'],
  ])('answers a domain error coded %s with %i %s and its message', (code, status, title) => {
    const answer = answerTo(new DomainError(code, 'what happened'));

    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ statusCode: status, error: title, message: 'what happened' });
  });

  it('lists every failing field of a domain error', () => {
    const errors = [{ field: 'model.version', reasons: ['version must be a string'] }];

    const answer = answerTo(new DomainError('invalid', 'scoring model is invalid', { details: errors }));

    expect(answer.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'scoring model is invalid', errors });
  });

  it('tells clients when to retry an unavailable dependency', () => {
    expect(answerTo(new DomainError('unavailable', 'event stream unavailable')).headers['Retry-After']).toBe('5');
  });

  it('keeps an HTTP exception status and names it', () => {
    const answer = answerTo(new HttpException({ statusCode: 413, message: 'too big' }, 413));

    expect(answer.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'too big' });
  });

  it('tells clients when to retry a 503', () => {
    const answer = answerTo(new ServiceUnavailableException({ message: 'event stream unavailable' }));

    expect(answer.status).toBe(503);
    expect(answer.headers['Retry-After']).toBe('5');
  });

  it('answers a structured body without a message (a health report) as it is', () => {
    const report = { status: 'error', info: {}, error: { redis: { status: 'down' } }, details: {} };

    const answer = answerTo(new ServiceUnavailableException(report));

    expect(answer.body).toEqual(report);
  });

  it('hides the details of an unexpected error', () => {
    const answer = answerTo(new Error('connection to 10.0.0.5 refused for ada@example.com'));

    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('ada@example.com');
  });
});

describe('mapBodyParserErrors', () => {
  it('turns a body over the limit into a 413 naming the limit', () => {
    const answer = answerTo(
      mapped(bodyParserError('request entity too large', { type: 'entity.too.large', status: 413, limit: 1024 })),
    );

    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ message: 'request body is larger than the 1024 bytes this endpoint accepts' });
  });

  it('turns bad JSON into a 400 without quoting the body', () => {
    const error = bodyParserError(`Unexpected token 'a', "{"email": ada@example.com}" is not valid JSON`, {
      type: 'entity.parse.failed',
      status: 400,
    });

    const answer = answerTo(mapped(error));

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ field: '(body)', reasons: ['body is not valid JSON'] }] });
    expect(JSON.stringify(answer.body)).not.toContain('ada@example.com');
  });

  it('leaves other errors alone', () => {
    const error = new BadRequestException('x');

    expect(mapped(error)).toBe(error);
  });
});
