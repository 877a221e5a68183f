import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, concatMap, from, type Observable, throwError } from 'rxjs';
import { httpStatusOf } from '@handoff/platform-runtime';
import { DomainError } from '@handoff/shared-errors';
import { type SessionRequest, signedInUserOf } from '../auth/console-session';
import { AUDITED_ACTION, type AuditedAction } from './audited.decorator';
import { type AuditRecord, AuditLog } from './audit-log.service';

/**
 * Writes one audit line for each `@Audited` route once its handler settles: the route's target, the signed-in
 * actor, succeeded or failed with the status. Request bodies never go in. A route that answers with the service's
 * own status (`@Res()`, sendAnswer) has sent it by then: its line follows the answer by the time of one insert.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly auditLog: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const audited = this.reflector.getAllAndOverride<AuditedAction | undefined>(AUDITED_ACTION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!audited) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<SessionRequest>();
    const recordOf = (outcome: AuditRecord['outcome'], status: number) =>
      auditRecordOf(request, audited, outcome, { method: request.method, status });
    return next.handle().pipe(
      concatMap((value: unknown) => {
        const status = http.getResponse<Response>().statusCode;
        return from(this.auditLog.recordQuietly(recordOf(outcomeOf(status), status))).pipe(concatMap(() => [value]));
      }),
      catchError((error: unknown) =>
        from(this.auditLog.recordQuietly(recordOf('failed', statusOf(error)))).pipe(
          concatMap(() => throwError(() => error)),
        ),
      ),
    );
  }
}

export function auditRecordOf(
  request: SessionRequest,
  audited: AuditedAction,
  outcome: AuditRecord['outcome'],
  detail: Record<string, unknown>,
): AuditRecord {
  const user = signedInUserOf(request);
  const param = audited.targetParam === undefined ? undefined : request.params[audited.targetParam];
  return {
    actorId: user?.id ?? 'anonymous',
    actorName: user?.name ?? 'anonymous',
    action: audited.action,
    target: typeof param === 'string' ? param : request.path,
    outcome,
    detail,
  };
}

/** A service's refusal passed through with its own status (sendAnswer) is a failed action, not a thrown error. */
export const outcomeOf = (status: number): AuditRecord['outcome'] => (status < 400 ? 'succeeded' : 'failed');

function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  if (error instanceof DomainError) return httpStatusOf(error.code);
  return 500;
}
