import { Controller, Get, Query } from '@nestjs/common';
import type { AuditPage } from '@handoff/console-api';
import { RequireRole } from '../auth/require-role.decorator';
import { AuditLog } from './audit-log.service';
import { AuditPageQuery } from './audit-page.query';

@Controller('api/audit')
export class AuditController {
  constructor(private readonly auditLog: AuditLog) {}

  @Get()
  @RequireRole('admin')
  page(@Query() query: AuditPageQuery): Promise<AuditPage> {
    return this.auditLog.page(query.before, query.limit);
  }
}
