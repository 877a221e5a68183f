import { oidcUserOf } from './oidc-user';

const ISSUER = 'https://id.example.com';
const SETTINGS = { rolesClaim: 'groups', adminValue: 'handoff-admin' };

describe('the console user an ID token describes', () => {
  it('is an admin when the roles claim holds the admin value', () => {
    const user = oidcUserOf(ISSUER, { sub: 'u-1', name: 'Ada L.', groups: ['staff', 'handoff-admin'] }, SETTINGS);

    expect(user).toEqual({ id: 'oidc:https://id.example.com#u-1', name: 'Ada L.', roles: ['admin'] });
  });

  it('is a viewer otherwise, the roles claim missing included', () => {
    expect(oidcUserOf(ISSUER, { sub: 'u-2', groups: ['staff'] }, SETTINGS).roles).toEqual(['viewer']);
    expect(oidcUserOf(ISSUER, { sub: 'u-3' }, SETTINGS).roles).toEqual(['viewer']);
  });

  it('reads a roles claim given as one space- or comma-separated string', () => {
    expect(
      oidcUserOf(ISSUER, { sub: 'u-4', roles: 'staff handoff-admin' }, { ...SETTINGS, rolesClaim: 'roles' }).roles,
    ).toEqual(['admin']);
    expect(oidcUserOf(ISSUER, { sub: 'u-5', groups: 'handoff-admins' }, SETTINGS).roles).toEqual(['viewer']);
  });

  it('is named by name, else preferred_username, else email, else the subject', () => {
    expect(oidcUserOf(ISSUER, { sub: 's', email: 'ada@example.com' }, SETTINGS).name).toBe('ada@example.com');
    expect(oidcUserOf(ISSUER, { sub: 's', preferred_username: 'ada', email: 'a@e.com' }, SETTINGS).name).toBe('ada');
    expect(oidcUserOf(ISSUER, { sub: 's' }, SETTINGS).name).toBe('s');
  });

  it('refuses a token without a subject', () => {
    expect(() => oidcUserOf(ISSUER, { name: 'x' }, SETTINGS)).toThrow('no subject');
  });
});
