import { CONSOLE_ROLES, type ConsoleRole } from '@handoff/console-api';
import { hashPassword, parsePasswordHash, type PasswordHash } from './password-hash';

export interface LocalUser {
  name: string;
  role: ConsoleRole;
  hash: PasswordHash;
}

/** Outside production with CONSOLE_LOCAL_USERS unset (README "Operator console" lists them). */
export const DEVELOPMENT_USERS = [
  { name: 'admin', role: 'admin', password: 'handoff-admin' },
  { name: 'viewer', role: 'viewer', password: 'handoff-viewer' },
] as const satisfies readonly { name: string; role: ConsoleRole; password: string }[];

const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Reads `name:role:scrypt-hash` entries separated by commas; throws one error naming every bad entry (by
 * position and name, never its hash), so the console refuses to boot with a list it cannot use.
 */
export function parseLocalUsers(setting: string): LocalUser[] {
  const problems: string[] = [];
  const users: LocalUser[] = [];
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  entries.forEach((entry, index) => {
    const [name = '', role = '', hashText = '', ...rest] = entry.split(':');
    const label = `entry ${index + 1}${USER_NAME.test(name) ? ` (${name})` : ''}`;
    if (rest.length > 0 || hashText === '') return problems.push(`${label} is not name:role:scrypt-hash`);
    if (!USER_NAME.test(name)) return problems.push(`${label} has a name that is not 1–64 letters, digits, . _ -`);
    if (!isRole(role)) return problems.push(`${label} has role '${role}': expected ${CONSOLE_ROLES.join(' or ')}`);
    if (users.some((user) => user.name === name)) return problems.push(`${label} repeats the name ${name}`);
    const hash = parsePasswordHash(hashText);
    if (typeof hash === 'string') return problems.push(`${label}'s hash ${hash}`);
    users.push({ name, role, hash });
    return undefined;
  });
  if (entries.length === 0) problems.push('lists no user (unset it to turn local sign-in off in production)');
  if (problems.length > 0) throw new Error(`CONSOLE_LOCAL_USERS: ${problems.join('; ')}`);
  return users;
}

/** The configured users; outside production with the setting unset, the development users; else none. */
export async function localUsersOf(setting: string | undefined, production: boolean): Promise<LocalUser[]> {
  if (setting !== undefined && setting.trim() !== '') return parseLocalUsers(setting);
  if (production) return [];
  return Promise.all(
    DEVELOPMENT_USERS.map(async ({ name, role, password }) => {
      const hash = parsePasswordHash(await hashPassword(password));
      if (typeof hash === 'string') throw new Error(`development user ${name}: ${hash}`);
      return { name, role, hash };
    }),
  );
}

function isRole(role: string): role is ConsoleRole {
  return (CONSOLE_ROLES as readonly string[]).includes(role);
}
