import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { toFieldIssues } from '@handoff/contracts';

/**
 * The pipe every DTO goes through: unknown fields rejected, values converted to their declared types,
 * and a 400 that names every failing field (same shape as contract violations).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({
        error: 'Bad Request',
        message: 'request failed validation',
        errors: toFieldIssues(errors),
      }),
  });
}
