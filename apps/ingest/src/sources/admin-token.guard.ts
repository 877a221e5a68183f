import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { IngestConfig } from '../app/ingest.config';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Admits requests bearing `Authorization: Bearer <INGEST_ADMIN_TOKEN>`; 401 otherwise. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expectedDigest: Buffer;

  constructor(config: IngestConfig) {
    this.expectedDigest = digest(config.INGEST_ADMIN_TOKEN);
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

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
