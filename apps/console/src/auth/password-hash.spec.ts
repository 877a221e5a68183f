import { hashPassword, parsePasswordHash, type PasswordHash, verifyPassword } from './password-hash';

const parsed = (text: string) => parsePasswordHash(text) as PasswordHash;

describe('password hashes', () => {
  it('verifies the password it was made from and nothing else', async () => {
    const hash = parsed(await hashPassword('correct horse battery staple'));

    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', hash)).resolves.toBe(false);
  });

  it('salts every hash: the same password twice gives two different hashes', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('writes scrypt$N$r$p$salt$key, with no colon (CONSOLE_LOCAL_USERS separates fields with colons)', async () => {
    const text = await hashPassword('x');

    expect(text).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ['not a hash', 'is not a scrypt hash'],
    ['scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'cost N'],
    ['scrypt$30000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'cost N'],
    ['scrypt$16384$64$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'r or p'],
  ])('rejects %s, saying why', (text, reason) => {
    expect(parsePasswordHash(text)).toEqual(expect.stringContaining(reason));
  });
});
