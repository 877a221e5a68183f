import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import type { SessionView, SignedOutView } from '@handoff/console-api';
import type { Response } from 'express';
import type { SessionRequest } from './console-session';
import { SessionCookies } from './session-cookie';
import { SessionService } from './session.service';
import { SignedOutAllowed } from './signed-out-allowed.decorator';

@Controller('api/session')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly cookies: SessionCookies,
  ) {}

  /** The operator and their CSRF token; signed out, a 401 with the ways to sign in and the form's CSRF token. */
  @Get()
  @SignedOutAllowed()
  @Header('Cache-Control', 'no-store')
  async session(
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView | SignedOutView> {
    const current = request.consoleSession;
    const signIn = this.sessions.signInMethods();
    if (current?.kind === 'user') return { user: current.user, csrfToken: current.csrfToken, signIn };
    const { session, created } = await this.sessions.preSession(current);
    if (created) this.cookies.set(response, session);
    response.status(401);
    return { signIn, csrfToken: session.csrfToken };
  }
}
