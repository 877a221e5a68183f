import fc from 'fast-check';
import { nameSimilarity, normaliseCompanyName } from './company-name';

describe('normaliseCompanyName', () => {
  it.each([
    ['ACME, Inc.', 'acme'],
    ['Acme Corp', 'acme'],
    ['A.C.M.E. Ltd', 'acme'],
    ['Müller GmbH & Co. KG', 'muller'],
    ['Société Générale S.A.', 'societe generale'],
    ["O'Reilly Media, LLC", 'oreilly media'],
    ['Coca-Cola Co', 'coca cola'],
    ['  Big   Data  BV ', 'big data'],
    ['Co', 'co'],
  ])('reads %j as %j', (name, expected) => {
    expect(normaliseCompanyName(name)).toBe(expected);
  });

  it('keeps legal-form words that are not at the end', () => {
    expect(normaliseCompanyName('AG Insurance Partners')).toBe('ag insurance partners');
  });

  it('is idempotent and ignores case', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const once = normaliseCompanyName(name);
        expect(normaliseCompanyName(once)).toBe(once);
        expect(normaliseCompanyName(name.toUpperCase())).toBe(normaliseCompanyName(name.toLowerCase()));
      }),
    );
  });
});

describe('nameSimilarity', () => {
  it('is 1 minus the edit distance over the longer length', () => {
    expect(nameSimilarity('acme', 'acme')).toBe(1);
    expect(nameSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
    expect(nameSimilarity('', 'acme')).toBe(0);
  });

  it('stays within 0..1 and is symmetric', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const similarity = nameSimilarity(a, b);
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBe(similarity);
      }),
    );
  });
});
