import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import { BODY_FIELD } from '@handoff/contracts';
import type { NextFunction, Request, Response } from 'express';

/** body-parser marks its failures with `type` and a 4xx `status`. */
interface BodyParserError extends Error {
  type: string;
  status: number;
  limit?: number;
}

const JSON_ERROR_POSITION = /position (\d+)/;

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | undefined;
  return (
    error instanceof Error &&
    typeof candidate?.type === 'string' &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

/**
 * The parser's own messages quote the body (which may hold personal data) or are terse; these name the
 * problem and, for bad JSON, only where it is.
 */
function toHttpException(error: BodyParserError): HttpException {
  if (error.type === 'entity.too.large') {
    return new HttpException(
      { statusCode: 413, message: `request body is larger than the ${error.limit ?? ''} bytes this endpoint accepts` },
      HttpStatus.PAYLOAD_TOO_LARGE,
    );
  }
  if (error.type === 'entity.parse.failed') {
    const position = JSON_ERROR_POSITION.exec(error.message)?.[1];
    const reason = position === undefined ? 'not valid JSON' : `not valid JSON (syntax error at position ${position})`;
    return new BadRequestException({
      message: 'request body is not valid JSON',
      errors: [{ field: BODY_FIELD, reasons: [`body is ${reason}`] }],
    });
  }
  return new HttpException({ statusCode: error.status, message: 'request body could not be read' }, error.status);
}

/** Express error middleware placed right after the body parsers: their failures become clear 4xx answers. */
export function mapBodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  next(isBodyParserError(error) ? toHttpException(error) : error);
}
