import { routingProfileOf } from './score-events';

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
