import { Controller, Param, Post } from '@nestjs/common';
import { DomainError } from '@handoff/shared-errors';
import { Audited } from '../audit/audited.decorator';
import { RequireRole } from '../auth/require-role.decorator';

/** Admin routes that exist only in tests, so the guards and the audit log are proven before real ones exist. */
@Controller('api/testing')
export class TestAdminController {
  @Post('admin-action/:id')
  @RequireRole('admin')
  @Audited('testing.admin-action', 'id')
  act(@Param('id') id: string): { done: string } {
    return { done: id };
  }

  @Post('failing-action/:id')
  @RequireRole('admin')
  @Audited('testing.failing-action', 'id')
  fail(@Param('id') id: string): never {
    throw new DomainError('conflict', `${id} cannot be done`);
  }
}
