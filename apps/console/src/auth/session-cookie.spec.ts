import { sessionCookieOf } from './session-cookie';

describe('the session cookie', () => {
  it('is Secure with the __Host- prefix when the console is served over https', () => {
    expect(sessionCookieOf('https://console.example.com')).toEqual({
      name: '__Host-handoff-console',
      options: { httpOnly: true, sameSite: 'lax', secure: true, path: '/', signed: true },
    });
  });

  it('is HTTP-only and SameSite=Lax without Secure on a local http address', () => {
    expect(sessionCookieOf('http://127.0.0.1:3005')).toEqual({
      name: 'handoff-console',
      options: { httpOnly: true, sameSite: 'lax', secure: false, path: '/', signed: true },
    });
  });
});
