import { COUNTRIES, companySize, marketCompanies, MARKET_SIZE, pickCompany } from './firmographics';
import { SeededRandom } from './seeded-random';

describe('the simulated market', () => {
  it('is the same in every run, with one domain per company', () => {
    const companies = marketCompanies();
    expect(companies).toEqual(marketCompanies());
    expect(companies).toHaveLength(MARKET_SIZE);
    expect(new Set(companies.map((company) => company.domain)).size).toBe(MARKET_SIZE);
    expect(companies.every((company) => /^[a-z0-9-]+\.example$/.test(company.domain))).toBe(true);
  });

  it('sizes companies log-normally: median near 120, a few large ones, none out of bounds', () => {
    const random = new SeededRandom(1);
    const sizes = Array.from({ length: 20_001 }, () => companySize(random)).sort((a, b) => a - b);
    expect(sizes[10_000]).toBeGreaterThanOrEqual(105);
    expect(sizes[10_000]).toBeLessThanOrEqual(137);
    const large = sizes.filter((size) => size >= 1000).length / sizes.length;
    expect(large).toBeGreaterThan(0.05);
    expect(large).toBeLessThan(0.15);
    expect(sizes[0]).toBeGreaterThanOrEqual(1);
  });

  it('weights countries as configured (the US about 30 %)', () => {
    const random = new SeededRandom(2);
    const draws = Array.from({ length: 20_000 }, () => random.weighted(COUNTRIES));
    const us = draws.filter((country) => country === 'US').length / draws.length;
    expect(us).toBeGreaterThan(0.27);
    expect(us).toBeLessThan(0.33);
    expect(new Set(draws)).toEqual(new Set(COUNTRIES.map(([country]) => country)));
  });

  it('picks larger companies for more leads than smaller ones', () => {
    const random = new SeededRandom(3);
    const companies = marketCompanies();
    const median = [...companies].sort((a, b) => a.employeeCount - b.employeeCount)[companies.length >> 1];
    const picks = Array.from({ length: 5000 }, () => pickCompany(random, companies));
    const aboveMedian = picks.filter((company) => company.employeeCount > median.employeeCount).length;
    expect(aboveMedian / picks.length).toBeGreaterThan(0.6);
  });
});
