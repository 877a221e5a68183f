import { qualifiedProfileOf, routingProfileOf } from './qualified-profile';

describe('routingProfileOf', () => {
  it('passes on what routing matches territories on', () => {
    expect(
      routingProfileOf({
        country: 'DE',
        industry: 'Software',
        employeeCount: 250,
        companyDomain: 'acme.com',
        title: 'CMO',
      }),
    ).toEqual({ country: 'DE', industry: 'Software', employeeCount: 250, companyDomain: 'acme.com' });
  });

  it('leaves out values the routing contract would reject instead of failing the qualification', () => {
    expect(routingProfileOf({ country: 'XX', companyDomain: 'localhost', industry: ' ' })).toEqual({});
  });
});

describe('qualifiedProfileOf', () => {
  it("adds the rep's summary and the routing traits marketing tools set", () => {
    expect(
      qualifiedProfileOf({
        country: 'DE',
        company: 'Acme GmbH',
        companyDomain: 'acme.com',
        emailDomain: 'acme.com',
        title: 'Head of Sales Ops',
        seniority: 'director',
        traits: { region: 'BY', postalCode: '80331', productInterest: 'analytics', leadSource: 'webinar', plan: 'x' },
      }),
    ).toEqual({
      country: 'DE',
      company: 'Acme GmbH',
      companyDomain: 'acme.com',
      emailDomain: 'acme.com',
      title: 'Head of Sales Ops',
      seniority: 'director',
      region: 'BY',
      postalCode: '80331',
      productInterest: 'analytics',
      leadSource: 'webinar',
    });
  });

  it('leaves out traits that are not short text and seniorities the contract does not know', () => {
    expect(
      qualifiedProfileOf({
        seniority: 'boss',
        emailDomain: 'localhost',
        traits: { region: 7, postalCode: '1'.repeat(17), productInterest: ' ', leadSource: ['a'] },
      }),
    ).toEqual({});
  });
});
