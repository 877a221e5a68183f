import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { AdminTokenGuard } from './admin-token.guard';
import { ApiErrorResponses } from './api-error.response';

/** Guards an operator endpoint with AdminTokenGuard and documents it: bearer auth, 401 without the token. */
export function AdminOnly(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(AdminTokenGuard),
    ApiBearerAuth(),
    ApiErrorResponses({ 401: 'Missing or wrong admin token (Authorization: Bearer <admin token>)' }),
  );
}
