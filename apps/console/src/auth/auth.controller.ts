import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { Response } from 'express';
import { ConsoleConfig } from '../app/console.config';
import type { SessionRequest } from './console-session';
import { LocalSignInDto } from './local-sign-in.dto';
import { LocalSignInService } from './local-sign-in.service';
import { OidcSignInService } from './oidc-sign-in.service';
import { SessionCookies } from './session-cookie';
import { SessionService } from './session.service';

/** Sign-in (local or OIDC) and sign-out; public routes, the POSTs CSRF-checked like every other change. */
/** Where a refused identity provider callback sends the browser (the web app's sign-in page explains). */
export const OIDC_SIGN_IN_FAILED_PAGE = '/sign-in?failed=oidc';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly config: ConsoleConfig,
    private readonly sessions: SessionService,
    private readonly cookies: SessionCookies,
    private readonly localSignIn: LocalSignInService,
    private readonly oidcSignIn: OidcSignInService,
  ) {}

  @Post('local')
  @HttpCode(HttpStatus.NO_CONTENT)
  async signInLocally(
    @Body() credentials: LocalSignInDto,
    @Req() request: SessionRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const outcome = await this.localSignIn.signIn(credentials, request.ip ?? 'unknown');
    if (outcome.kind === 'throttled')
      throw new HttpException('too many failed sign-ins: try again in 15 minutes', HttpStatus.TOO_MANY_REQUESTS);
    if (outcome.kind === 'rejected') throw new UnauthorizedException('wrong user name or password');
    this.cookies.set(response, await this.sessions.signIn(outcome.user, 'local', request.consoleSession));
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async signOut(@Req() request: SessionRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (request.consoleSession) await this.sessions.signOut(request.consoleSession);
    this.cookies.clear(response);
  }

  @Get('oidc/login')
  async startOidcSignIn(@Req() request: SessionRequest, @Res() response: Response): Promise<void> {
    const { session, created } = await this.sessions.preSession(request.consoleSession);
    const url = await this.oidcSignIn.start(session);
    if (created) this.cookies.set(response, session);
    response.redirect(HttpStatus.FOUND, url);
  }

  @Get('oidc/callback')
  async finishOidcSignIn(@Req() request: SessionRequest, @Res() response: Response): Promise<void> {
    const callbackUrl = new URL(request.originalUrl, this.config.CONSOLE_PUBLIC_URL);
    const outcome = await this.oidcSignIn.finish(callbackUrl, request.consoleSession);
    // The browser is mid-navigation, not a script: it goes back to the sign-in page, which says to start again.
    if (outcome.kind === 'rejected') return response.redirect(HttpStatus.FOUND, OIDC_SIGN_IN_FAILED_PAGE);
    this.cookies.set(response, await this.sessions.signIn(outcome.user, 'oidc', request.consoleSession));
    response.redirect(HttpStatus.FOUND, '/');
  }
}
