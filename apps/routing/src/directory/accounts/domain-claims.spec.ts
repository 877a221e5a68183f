import { DomainClaims } from './domain-claims';

describe('DomainClaims', () => {
  it('refuses a domain another account owns, naming the owner, and lets the owner keep it', () => {
    const claims = new DomainClaims(new Map([['acme.com', 'acme']]));

    expect(claims.issues('acme', ['acme.com'])).toEqual([]);
    expect(claims.issues('acme-2', ['acme.com', 'acme.io'])).toEqual([
      { field: 'domains', reasons: ['acme.com belongs to the account "acme"'] },
    ]);
  });

  it('lets a later write take a domain an earlier one released, but not one it took', () => {
    const claims = new DomainClaims(new Map([['acme.com', 'acme']]));

    claims.claim('acme', ['acme.de']);
    expect(claims.issues('acme-2', ['acme.com'])).toEqual([]);
    claims.claim('acme-2', ['acme.com']);
    expect(claims.issues('acme', ['acme.com'])).toEqual([
      { field: 'domains', reasons: ['acme.com belongs to the account "acme-2"'] },
    ]);
    expect(claims.issues('other', ['acme.de'])).toHaveLength(1);
  });
});
