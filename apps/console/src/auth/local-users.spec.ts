import { hashPassword, verifyPassword } from './password-hash';
import { localUsersOf, parseLocalUsers } from './local-users';

let adminHash: string;

beforeAll(async () => {
  adminHash = await hashPassword('s3cret-enough');
});

describe('CONSOLE_LOCAL_USERS', () => {
  it('reads name:role:hash entries separated by commas', async () => {
    const users = parseLocalUsers(` ada:admin:${adminHash} , vic:viewer:${adminHash}`);

    expect(users.map(({ name, role }) => ({ name, role }))).toEqual([
      { name: 'ada', role: 'admin' },
      { name: 'vic', role: 'viewer' },
    ]);
    await expect(verifyPassword('s3cret-enough', users[0].hash)).resolves.toBe(true);
  });

  it('refuses the whole list naming every bad entry, never repeating a hash', () => {
    const setting = [
      `ada:owner:${adminHash}`,
      'bob:viewer:plaintext',
      `ada:admin:${adminHash}`,
      `x y:admin:${adminHash}`,
      `ada:admin:${adminHash}`,
    ].join(',');

    const error = (() => {
      try {
        parseLocalUsers(setting);
        return undefined;
      } catch (thrown) {
        return (thrown as Error).message;
      }
    })();

    expect(error).toContain("entry 1 (ada) has role 'owner': expected viewer or admin");
    expect(error).toContain("entry 2 (bob)'s hash is not a scrypt hash");
    expect(error).toContain('entry 4 has a name that is not');
    expect(error).toContain('entry 5 (ada) repeats the name ada');
    expect(error).not.toContain(adminHash);
    expect(error).not.toContain('plaintext');
  });

  it('refuses a set but empty list', () => {
    expect(() => parseLocalUsers(' , ')).toThrow('CONSOLE_LOCAL_USERS: lists no user');
  });

  it('gives admin and viewer with the documented passwords outside production when unset', async () => {
    const users = await localUsersOf(undefined, false);

    expect(users.map(({ name, role }) => `${name}:${role}`)).toEqual(['admin:admin', 'viewer:viewer']);
    await expect(verifyPassword('handoff-admin', users[0].hash)).resolves.toBe(true);
    await expect(verifyPassword('handoff-viewer', users[1].hash)).resolves.toBe(true);
  });

  it('turns local sign-in off in production when unset', async () => {
    await expect(localUsersOf(undefined, true)).resolves.toEqual([]);
  });

  it('uses the configured list in production', async () => {
    await expect(localUsersOf(`ada:admin:${adminHash}`, true)).resolves.toEqual([
      expect.objectContaining({ name: 'ada', role: 'admin' }),
    ]);
  });
});
