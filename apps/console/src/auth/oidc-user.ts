import type { ConsoleUser } from '@handoff/console-api';

export interface OidcRoleSettings {
  /** The claim listing the user's groups or roles (CONSOLE_OIDC_ROLES_CLAIM). */
  rolesClaim: string;
  /** The value that makes an admin (CONSOLE_OIDC_ADMIN_VALUE). */
  adminValue: string;
}

/** The console user an ID token describes: admin when its roles claim holds the admin value, else viewer. */
export function oidcUserOf(issuer: string, claims: Record<string, unknown>, settings: OidcRoleSettings): ConsoleUser {
  const subject = claims['sub'];
  if (typeof subject !== 'string' || subject === '') throw new Error('the ID token has no subject');
  const admin = valuesOf(claims[settings.rolesClaim]).includes(settings.adminValue);
  return {
    id: `oidc:${issuer}#${subject}`,
    name: displayNameOf(claims) ?? subject,
    roles: [admin ? 'admin' : 'viewer'],
  };
}

/** A claim may list roles as an array or, with some providers, one space- or comma-separated string. */
function valuesOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((value): value is string => typeof value === 'string');
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter((value) => value !== '');
  return [];
}

function displayNameOf(claims: Record<string, unknown>): string | undefined {
  for (const claim of ['name', 'preferred_username', 'email']) {
    const value = claims[claim];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}
