import { combineProfiles, sameProfile } from './lead-profile';

describe('combineProfiles', () => {
  it('lets the primary win per field and fills gaps from the secondary', () => {
    expect(combineProfiles({ industry: 'software' }, { industry: 'retail', country: 'DE' })).toEqual({
      industry: 'software',
      country: 'DE',
    });
  });

  it('merges traits key by key', () => {
    expect(combineProfiles({ traits: { plan: 'pro' } }, { traits: { plan: 'free', seats: 3 } })).toEqual({
      traits: { plan: 'pro', seats: 3 },
    });
  });

  it('drops fields scoring does not keep, such as names', () => {
    const withName = { firstName: 'Jane', industry: 'software' } as never;
    expect(combineProfiles(withName, {})).toEqual({ industry: 'software' });
  });

  it('treats null as absent', () => {
    expect(combineProfiles({ country: null } as never, { country: 'FR' })).toEqual({ country: 'FR' });
  });
});

describe('sameProfile', () => {
  it('ignores key order', () => {
    expect(sameProfile({ industry: 'a', country: 'DE' }, { country: 'DE', industry: 'a' })).toBe(true);
    expect(sameProfile({ industry: 'a' }, { industry: 'b' })).toBe(false);
  });
});
