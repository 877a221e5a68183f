import { ForbiddenException } from '@nestjs/common';
import { httpContext, userSession } from '../testing/http-context';
import { CsrfGuard } from './csrf.guard';

const guard = new CsrfGuard();
const session = userSession('admin', 'the-token');

describe('the CSRF check', () => {
  it('lets reads through without a token', () => {
    expect(guard.canActivate(httpContext({ method: 'GET', headers: {} }))).toBe(true);
  });

  it('lets a change through with the token its session holds', () => {
    const request = { method: 'POST', headers: { 'x-csrf-token': 'the-token' }, consoleSession: session };

    expect(guard.canActivate(httpContext(request))).toBe(true);
  });

  it.each([
    ['no token', {}],
    ['another token', { 'x-csrf-token': 'the-tokeN' }],
    ['a longer token', { 'x-csrf-token': 'the-token-and-more' }],
    ['the token twice', { 'x-csrf-token': ['the-token', 'the-token'] }],
  ])('refuses a DELETE with %s (403)', (_case, headers) => {
    const request = { method: 'DELETE', headers, consoleSession: session };

    expect(() => guard.canActivate(httpContext(request))).toThrow(ForbiddenException);
  });

  it('refuses a change with no session at all, saying where the token comes from', () => {
    const request = { method: 'PUT', headers: { 'x-csrf-token': 'the-token' } };

    expect(() => guard.canActivate(httpContext(request))).toThrow('GET /api/session first');
  });
});
