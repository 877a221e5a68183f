import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ContractViolationError } from '@handoff/contracts';
import { DomainError } from '@handoff/shared-errors';
import type { Response } from 'express';
import type { ApiErrorBody } from './api-error';
import { httpStatusOf } from './domain-error.status';

/**
 * Turns every error into the ApiErrorBody shape: HTTP exceptions (guards, pipes) keep their status,
 * domain errors get their code's status with every failing field, and anything else is a 500 whose
 * details are logged, never sent.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const passthrough = structuredBodyOf(exception);
    if (passthrough) {
      response.status((exception as HttpException).getStatus()).json(passthrough);
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error({ msg: 'request failed', err: exception });
    if (response.headersSent) return;
    // Clients (Segment's libraries among them) back off and retry on 503; tell them when.
    if (body.statusCode === 503 && !response.getHeader('Retry-After')) response.setHeader('Retry-After', '5');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof DomainError) return fromDomainError(exception);
    return { statusCode: 500, error: 'Internal Server Error', message: 'unexpected error; it has been logged' };
  }
}

/**
 * An HTTP exception that carries its own structured body without a message (terminus's health report)
 * is answered as it is: its consumers (probes, dashboards) expect that shape.
 */
function structuredBodyOf(exception: unknown): object | undefined {
  if (!(exception instanceof HttpException)) return undefined;
  const response = exception.getResponse();
  return typeof response === 'object' && !('message' in response) ? response : undefined;
}

function fromHttpException(exception: HttpException): ApiErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return { statusCode, error: titleOf(statusCode), message: response };
  const { message, error, errors } = response as Partial<ApiErrorBody> & { message?: string | string[] };
  return {
    statusCode,
    error: error ?? titleOf(statusCode),
    message: Array.isArray(message) ? message.join('; ') : (message ?? exception.message),
    ...(errors ? { errors } : {}),
  };
}

function fromDomainError(exception: DomainError): ApiErrorBody {
  const statusCode = httpStatusOf(exception.code);
  // A contract violation's own message spells out every field, which `errors` already lists.
  const message = exception instanceof ContractViolationError ? 'request violates the API contract' : exception.message;
  return {
    statusCode,
    error: titleOf(statusCode),
    message,
    ...(exception.details ? { errors: exception.details } : {}),
  };
}

/** 413 → "Payload Too Large" from Nest's HttpStatus enum name PAYLOAD_TOO_LARGE. */
function titleOf(status: number): string {
  const name = HttpStatus[status] ?? 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
