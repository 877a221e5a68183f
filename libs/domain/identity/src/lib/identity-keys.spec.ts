import fc from 'fast-check';
import { emailHash } from './email-address';
import {
  type IdentityKey,
  aliasKeys,
  aliasLookupKeys,
  identityKeyId,
  identityKeysOf,
  sameKey,
  storedIdOf,
} from './identity-keys';

const keepTags = { stripPlusTag: false };
const stripTags = { stripPlusTag: true };
const JANE_HASH = emailHash('jane@acme.com');

describe('identityKeysOf', () => {
  it('returns one key per identifier, in the order anonymous, user, email', () => {
    expect(identityKeysOf({ email: 'jane@acme.com', userId: 'u-1', anonymousId: 'a-1' }, keepTags)).toEqual([
      { kind: 'anonymous', value: 'a-1' },
      { kind: 'user', value: 'u-1' },
      { kind: 'email', value: JANE_HASH },
    ]);
  });

  it('keys an email by the SHA-256 of its normalised form, never by the address', () => {
    const keys = identityKeysOf({ email: '  Jane@ACME.com ' }, keepTags);
    expect(keys).toEqual([{ kind: 'email', value: JANE_HASH }]);
    expect(JSON.stringify(keys)).not.toMatch(/acme/i);
  });

  it('gives every casing and whitespace variant of an email the same key', () => {
    const variants = ['jane@acme.com', 'JANE@ACME.COM', ' Jane@Acme.Com\t', '\njane@acme.COM'];
    const values = variants.map((email) => identityKeysOf({ email }, keepTags)[0]?.value);
    expect(new Set(values)).toEqual(new Set([JANE_HASH]));
  });

  it('merges plus-tagged addresses into one key only when plus tags are stripped', () => {
    expect(identityKeysOf({ email: 'jane+news@acme.com' }, stripTags)).toEqual([{ kind: 'email', value: JANE_HASH }]);
    expect(identityKeysOf({ email: 'jane+news@acme.com' }, keepTags)).toEqual([
      { kind: 'email', value: emailHash('jane+news@acme.com') },
    ]);
  });

  it.each(['not-an-email', 'jane@acme', '', '   '])('drops the invalid email %p and keeps the other keys', (email) => {
    expect(identityKeysOf({ anonymousId: 'a-1', email }, keepTags)).toEqual([{ kind: 'anonymous', value: 'a-1' }]);
  });

  it('trims ids and drops blank ones', () => {
    expect(identityKeysOf({ anonymousId: '  a-1 ', userId: '   ' }, keepTags)).toEqual([
      { kind: 'anonymous', value: 'a-1' },
    ]);
  });

  it('keeps the case of ids, which sources treat as significant', () => {
    expect(identityKeysOf({ userId: 'User-1' }, keepTags)).toEqual([{ kind: 'user', value: 'User-1' }]);
  });

  it('hashes a user id or anonymous id that is an email like the email key, keeping its kind', () => {
    const keys = identityKeysOf(
      { userId: ' Jane@ACME.com ', anonymousId: 'jane@acme.com', email: 'jane@acme.com' },
      keepTags,
    );
    expect(keys).toEqual([
      { kind: 'anonymous', value: JANE_HASH },
      { kind: 'user', value: JANE_HASH },
      { kind: 'email', value: JANE_HASH },
    ]);
    expect(JSON.stringify(keys)).not.toMatch(/acme/i);
  });

  it('strips the plus tag of an email id only when plus tags are stripped', () => {
    expect(identityKeysOf({ userId: 'jane+news@acme.com' }, stripTags)).toEqual([{ kind: 'user', value: JANE_HASH }]);
    expect(identityKeysOf({ userId: 'jane+news@acme.com' }, keepTags)).toEqual([
      { kind: 'user', value: emailHash('jane+news@acme.com') },
    ]);
  });

  it('returns no keys when the input names nobody', () => {
    expect(identityKeysOf({}, keepTags)).toEqual([]);
    expect(identityKeysOf({ email: 'nobody' }, keepTags)).toEqual([]);
  });
});

describe('alias keys', () => {
  const anonymous = (value: string): IdentityKey => ({ kind: 'anonymous', value });
  const user = (value: string): IdentityKey => ({ kind: 'user', value });

  it('looks the previous id up both as an anonymous id and as a user id', () => {
    expect(aliasLookupKeys('prev', 'u-1', keepTags)).toEqual([anonymous('prev'), user('prev'), user('u-1')]);
  });

  it('looks a previous id equal to the user id up once as a user id', () => {
    expect(aliasLookupKeys('u-1', 'u-1', keepTags)).toEqual([anonymous('u-1'), user('u-1')]);
  });

  it('resolves the previous id as an anonymous id when it is linked as nothing yet', () => {
    expect(aliasKeys('prev', 'u-1', [], keepTags)).toEqual([anonymous('prev'), user('u-1')]);
  });

  it('resolves the previous id as the user id it is already linked as', () => {
    expect(aliasKeys('prev', 'u-1', [user('prev')], keepTags)).toEqual([user('prev'), user('u-1')]);
  });

  it('keeps both readings of the previous id when both are linked', () => {
    expect(aliasKeys('prev', 'u-1', [anonymous('prev'), user('prev'), user('u-1')], keepTags)).toEqual([
      anonymous('prev'),
      user('prev'),
      user('u-1'),
    ]);
  });

  it('hashes email ids on both sides of an alias', () => {
    expect(aliasKeys('Jane@Acme.com', 'jane@acme.com', [], keepTags)).toEqual([anonymous(JANE_HASH), user(JANE_HASH)]);
    expect(aliasLookupKeys('jane@acme.com', 'u-1', keepTags)).toEqual([
      anonymous(JANE_HASH),
      user(JANE_HASH),
      user('u-1'),
    ]);
  });

  it('trims both ids', () => {
    expect(aliasKeys(' prev ', ' u-1 ', [], keepTags)).toEqual([anonymous('prev'), user('u-1')]);
  });
});

describe('storedIdOf', () => {
  it('gives the stored form of any id: never an address in clear, the same for every spelling of one address', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.constantFrom('', ' ', '\t'), (email, pad) => {
        const stored = storedIdOf(`${pad}${email.toUpperCase()}${pad}`, keepTags);
        expect(stored).toBe(storedIdOf(email.toLowerCase(), keepTags));
        expect(stored).not.toContain('@');
      }),
    );
  });

  it('keeps an id that is not an email as it is, trimmed', () => {
    expect(storedIdOf(' User-1 ', keepTags)).toBe('User-1');
    expect(storedIdOf('   ', keepTags)).toBeUndefined();
  });
});

describe('key helpers', () => {
  it('compares keys by kind and value', () => {
    expect(sameKey({ kind: 'user', value: 'x' }, { kind: 'user', value: 'x' })).toBe(true);
    expect(sameKey({ kind: 'user', value: 'x' }, { kind: 'anonymous', value: 'x' })).toBe(false);
  });

  it('gives keys of different kinds with the same value different ids', () => {
    expect(identityKeyId({ kind: 'user', value: 'x' })).not.toBe(identityKeyId({ kind: 'anonymous', value: 'x' }));
  });
});
