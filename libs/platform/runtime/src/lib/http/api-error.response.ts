import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
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

/** Documents error answers, each with the ApiErrorBody schema: `@ApiErrorResponses({ 404: 'no such lead' })`. */
export function ApiErrorResponses(descriptions: Partial<Record<HttpStatus, string>>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(descriptions).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, type: ApiErrorResponse }),
    ),
  );
}
