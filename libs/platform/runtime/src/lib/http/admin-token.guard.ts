import {
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
  Inject,
  Injectable,
  Module,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** Injection token of the service's admin token (a string from its config). */
export const ADMIN_TOKEN = Symbol('ADMIN_TOKEN');

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Admits requests bearing `Authorization: Bearer <admin token>`; 401 otherwise. Guards a service's
 * operator endpoints (sources, scoring models, backtests); the token comes from ADMIN_TOKEN.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expectedDigest: Buffer;

  constructor(@Inject(ADMIN_TOKEN) adminToken: string) {
    this.expectedDigest = digest(adminToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (token === undefined) throw new UnauthorizedException('missing admin token: send Authorization: Bearer <token>');
    // Digests have equal lengths, so the comparison time reveals neither the token nor its length.
    if (!timingSafeEqual(digest(token), this.expectedDigest)) throw new UnauthorizedException('invalid admin token');
    return true;
  }
}

/** Makes ADMIN_TOKEN and AdminTokenGuard available to every module, so controllers just `@UseGuards(AdminTokenGuard)`. */
@Module({})
export class AdminAuthModule {
  static forRoot<C>(config: new (...args: never[]) => C, adminTokenOf: (config: C) => string): DynamicModule {
    return {
      module: AdminAuthModule,
      global: true,
      providers: [{ provide: ADMIN_TOKEN, inject: [config], useFactory: adminTokenOf }, AdminTokenGuard],
      exports: [ADMIN_TOKEN, AdminTokenGuard],
    };
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
