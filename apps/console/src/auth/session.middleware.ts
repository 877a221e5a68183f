import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { SessionRequest } from './console-session';
import { SessionCookies } from './session-cookie';
import { SessionStore } from './session.store';

/** Puts the cookie's session (if it still exists) on the request, for the guards and controllers. */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(
    private readonly cookies: SessionCookies,
    private readonly store: SessionStore,
  ) {}

  async use(request: SessionRequest, _response: Response, next: NextFunction): Promise<void> {
    const id = this.cookies.idOf(request);
    request.consoleSession = id === undefined ? undefined : await this.store.read(id);
    next();
  }
}
