import {
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
  Inject,
  Injectable,
  Module,
  type Type,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { isProduction, type PlatformConfig } from '@handoff/platform-config';

/** Injection token of the resolved token scopes (scope name → expected token digest, or open). */
export const TOKEN_SCOPES = Symbol('TOKEN_SCOPES');

/** Metadata key RequireToken sets: the scopes whose token admits a request to a route. */
export const REQUIRED_TOKEN_SCOPES = 'handoff:required-token-scopes';

/** Where each named scope's bearer token comes from in the service's config; undefined means unset. */
export type TokenSettings<C> = Record<string, (config: C) => string | undefined>;

/** A scope whose token is unset outside production: its routes are open (local development). */
const OPEN = 'open';

type ScopeTokens = ReadonlyMap<string, Buffer | typeof OPEN>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Admits a request when its `Authorization: Bearer <token>` matches the token of any scope its route
 * requires (`@RequireToken`); 401 otherwise. An unknown scope admits nobody.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(
    @Inject(TOKEN_SCOPES) private readonly scopes: ScopeTokens,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_TOKEN_SCOPES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required === undefined) return true;
    const expected = required.map((scope) => this.scopes.get(scope));
    if (expected.includes(OPEN)) return true;
    const label = required.join(' or ');
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (token === undefined)
      throw new UnauthorizedException(`missing ${label} token: send Authorization: Bearer <token>`);
    if (!matchesAny(digest(token), expected)) throw new UnauthorizedException(`invalid ${label} token`);
    return true;
  }
}

/** Makes the token scopes and BearerTokenGuard available to every module; routes opt in with `@RequireToken`. */
@Module({})
export class TokenAuthModule {
  // Not a ConfigurableModuleBuilder module: its token getters are typed on the service's config class (generic).
  static forRoot<C extends PlatformConfig>(config: Type<C>, tokens: TokenSettings<C>): DynamicModule {
    return {
      module: TokenAuthModule,
      global: true,
      providers: [
        { provide: TOKEN_SCOPES, inject: [config], useFactory: (settings: C) => resolveScopes(settings, tokens) },
        BearerTokenGuard,
      ],
      exports: [TOKEN_SCOPES, BearerTokenGuard],
    };
  }
}

/** An unset token is open only outside production; in production it admits nobody (the config check stops boot first). */
export function resolveScopes<C extends PlatformConfig>(config: C, tokens: TokenSettings<C>): ScopeTokens {
  return new Map(
    Object.entries(tokens).flatMap(([scope, tokenOf]): [string, Buffer | typeof OPEN][] => {
      const token = tokenOf(config);
      if (token !== undefined && token !== '') return [[scope, digest(token)]];
      return isProduction(config) ? [] : [[scope, OPEN]];
    }),
  );
}

/** Compares against every candidate (no early exit); digests have equal lengths, so timing reveals no token. */
function matchesAny(presented: Buffer, expected: readonly (Buffer | typeof OPEN | undefined)[]): boolean {
  return expected.reduce<boolean>(
    (matched, candidate) => (candidate instanceof Buffer && timingSafeEqual(presented, candidate)) || matched,
    false,
  );
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
