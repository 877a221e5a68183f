import fc from 'fast-check';
import { account, lead } from '../../testing/builders';
import { matchAccount } from './match-account';

describe('matchAccount', () => {
  const acme = account('acme', {
    name: 'Acme Corporation',
    domains: ['acme.com', 'acme.de'],
    ownerRepId: 'ana',
    segment: 'enterprise',
  });
  const globex = account('globex', { name: 'Globex', domains: ['globex.io'] });
  const accounts = [globex, acme];

  it('matches an exact company domain with confidence 1 and carries the owner and segment', () => {
    expect(matchAccount(lead({ companyDomain: 'ACME.com' }), accounts, 0.9)).toEqual({
      accountId: 'acme',
      ownerRepId: 'ana',
      segment: 'enterprise',
      confidence: 1,
      reasons: [{ reason: 'exact_domain', detail: 'company domain acme.com' }],
    });
  });

  it('matches an email domain that is a subdomain of an account domain', () => {
    const match = matchAccount(lead({ emailDomain: 'eu.acme.de' }), accounts, 0.9);
    expect(match?.accountId).toBe('acme');
    expect(match?.reasons).toEqual([
      { reason: 'exact_domain', detail: 'email domain eu.acme.de is a subdomain of acme.de' },
    ]);
  });

  it('does not take a domain that merely ends with the same letters for a subdomain', () => {
    expect(matchAccount(lead({ emailDomain: 'notacme.com' }), accounts, 0.9)).toBeUndefined();
  });

  it('never matches a free-mail domain, even when an account lists it', () => {
    const careless = account('careless', { name: 'Careless', domains: ['gmail.com'] });
    expect(matchAccount(lead({ emailDomain: 'gmail.com' }), [careless], 0.9)).toBeUndefined();
  });

  it('matches a normalised company name with confidence 0.9', () => {
    const match = matchAccount(lead({ company: 'ACME corp.' }), accounts, 0.9);
    expect(match).toMatchObject({ accountId: 'acme', confidence: 0.9 });
    expect(match?.reasons).toEqual([
      {
        reason: 'normalised_name',
        detail: 'company "ACME corp." and account "Acme Corporation" both read "acme"',
      },
    ]);
  });

  it('matches a similar company name above the threshold with confidence similarity × 0.8', () => {
    const match = matchAccount(lead({ company: 'Globexx' }), accounts, 0.8);
    expect(match?.accountId).toBe('globex');
    expect(match?.confidence).toBeCloseTo((1 - 1 / 7) * 0.8);
    expect(match?.reasons[0]).toEqual({
      reason: 'fuzzy_name',
      detail: 'company "Globexx" and account "Globex" are 0.86 similar (at least 0.8 needed)',
    });
    expect(matchAccount(lead({ company: 'Globexx' }), accounts, 0.9)).toBeUndefined();
  });

  it('lists every piece of evidence and takes the strongest as the confidence', () => {
    const match = matchAccount(
      lead({ company: 'Acme', companyDomain: 'acme.com', emailDomain: 'acme.de' }),
      accounts,
      0.9,
    );
    expect(match?.confidence).toBe(1);
    expect(match?.reasons.map((reason) => reason.reason)).toEqual(['exact_domain', 'exact_domain', 'normalised_name']);
  });

  it('prefers the account with the stronger evidence, and the first listed on a tie', () => {
    const namesake = account('namesake', { name: 'Acme' });
    const subject = lead({ company: 'Acme', emailDomain: 'acme.com' });
    expect(matchAccount(subject, [namesake, acme], 0.9)?.accountId).toBe('acme');
    const twin = account('twin', { name: 'ACME Inc' });
    expect(matchAccount(lead({ company: 'Acme' }), [namesake, twin], 0.9)?.accountId).toBe('namesake');
  });

  it('answers undefined when nothing ties the lead to an account', () => {
    expect(matchAccount(lead({ company: 'Initech', emailDomain: 'initech.com' }), accounts, 0.9)).toBeUndefined();
    expect(matchAccount(lead(), accounts, 0)).toBeUndefined();
  });

  it('keeps the confidence within 0..1 and a name-only match below an exact domain', () => {
    const names = fc.stringMatching(/^[A-Za-z ]{1,12}$/);
    fc.assert(
      fc.property(names, names, fc.double({ min: 0, max: 1, noNaN: true }), (company, accountName, threshold) => {
        const match = matchAccount(lead({ company }), [account('a', { name: accountName })], threshold);
        if (!match) return;
        expect(match.confidence).toBeGreaterThan(0);
        expect(match.confidence).toBeLessThanOrEqual(0.9);
      }),
    );
  });
});
