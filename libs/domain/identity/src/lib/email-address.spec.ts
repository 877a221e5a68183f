import { emailDomain, emailHash, normaliseEmail } from './email-address';

describe('normaliseEmail', () => {
  const keepTags = { stripPlusTag: false };
  const stripTags = { stripPlusTag: true };

  it.each([
    ['  Jane.Doe@Acme.COM ', 'jane.doe@acme.com'],
    ['JANE+news@acme.com', 'jane+news@acme.com'],
  ])('trims and lower-cases %p to %p', (raw, expected) => {
    expect(normaliseEmail(raw, keepTags)).toBe(expected);
  });

  it('drops the plus tag only when configured to', () => {
    expect(normaliseEmail('jane+news@acme.com', stripTags)).toBe('jane@acme.com');
    expect(normaliseEmail('jane+news@acme.com', keepTags)).toBe('jane+news@acme.com');
  });

  it('keeps a leading plus, which is the whole local part and not a tag', () => {
    expect(normaliseEmail('+jane@acme.com', stripTags)).toBe('+jane@acme.com');
  });

  it.each(['', 'jane', 'jane@', '@acme.com', 'jane@acme', 'ja ne@acme.com'])('rejects %p as not an address', (raw) => {
    expect(normaliseEmail(raw, keepTags)).toBeUndefined();
  });
});

describe('emailDomain', () => {
  it('returns the part after the last @', () => {
    expect(emailDomain('jane@eu.acme.com')).toBe('eu.acme.com');
  });
});

describe('emailHash', () => {
  it('is the lower-case hex SHA-256 of the address (sha256sum of the same bytes)', () => {
    expect(emailHash('jane@acme.com')).toBe('7bb9e30283184c3b4bbbf2262a600be7165d7e6f50e424a611aa64394e7ecdb5');
  });
});
