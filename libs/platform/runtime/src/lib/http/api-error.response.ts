import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, type HeadersObject } from '@nestjs/swagger';
import type { FieldIssue } from '@handoff/contracts';
import type { ApiErrorBody } from './api-error';

/** OpenAPI schema of one failing field in an error body. */
export class FieldIssueResponse implements FieldIssue {
  @ApiProperty({
    description: 'The failing field as a dotted path, or "(body)" for the body as a whole',
    example: 'at',
  })
  field!: string;

  @ApiProperty({ type: [String], example: ['at must be a valid ISO 8601 date string'] })
  reasons!: string[];
}

/** OpenAPI schema of ApiErrorBody, the one error shape every Handoff HTTP API answers with. */
export class ApiErrorResponse implements ApiErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ description: 'The HTTP status name', example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'request failed validation' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldIssueResponse], description: 'For bad input: every failing field, every reason' })
  errors?: FieldIssueResponse[];
}

/** An error answer's description, with the headers it carries when a client needs them (Retry-After). */
export type ApiErrorDescription = string | { description: string; headers: HeadersObject };

/** Retry-After as ApiExceptionFilter (every 503) and rate limiters send it: whole seconds. */
export const RETRY_AFTER_HEADER: HeadersObject = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } },
};

/**
 * Documents error answers, each with the ApiErrorBody schema: `@ApiErrorResponses({ 404: 'no such lead' })`,
 * or with headers: `@ApiErrorResponses({ 503: { description: 'retry later', headers: RETRY_AFTER_HEADER } })`.
 */
export function ApiErrorResponses(
  descriptions: Partial<Record<HttpStatus, ApiErrorDescription>>,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(descriptions).map(([status, answer]) =>
      ApiResponse({
        status: Number(status),
        type: ApiErrorResponse,
        ...(typeof answer === 'string' ? { description: answer } : answer),
      }),
    ),
  );
}
