import fc from 'fast-check';
import { SeededRandom, uuidFrom } from './seeded-random';

const draws = (random: SeededRandom, count: number) => Array.from({ length: count }, () => random.next());

describe('SeededRandom', () => {
  it('draws the same sequence from the same seed, and another from another seed', () => {
    expect(draws(new SeededRandom(42), 100)).toEqual(draws(new SeededRandom(42), 100));
    expect(draws(new SeededRandom(42), 100)).not.toEqual(draws(new SeededRandom(43), 100));
  });

  it('keeps a derived stream independent of how much another stream drew', () => {
    const untouched = SeededRandom.derived(42, 'lead-7').next();
    const main = new SeededRandom(42);
    draws(main, 1000);
    expect(SeededRandom.derived(42, 'lead-7').next()).toBe(untouched);
    expect(SeededRandom.derived(42, 'lead-8').next()).not.toBe(untouched);
  });

  it('stays inside its ranges for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const random = new SeededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const unit = random.next();
          const int = random.int(min, min + span);
          if (unit < 0 || unit >= 1 || int < min || int > min + span || !Number.isInteger(int)) return false;
        }
        return true;
      }),
    );
  });

  it('draws weighted values in proportion to their weights', () => {
    const random = new SeededRandom(7);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 20_000; i++)
      counts[
        random.weighted([
          ['a', 3],
          ['b', 1],
        ] as const)
      ]++;
    expect(counts.a / 20_000).toBeGreaterThan(0.73);
    expect(counts.a / 20_000).toBeLessThan(0.77);
  });

  it('draws log-normal values around their median and Poisson counts around their mean', () => {
    const random = new SeededRandom(11);
    const sizes = Array.from({ length: 10_001 }, () => random.logNormal(120, 1.5)).sort((a, b) => a - b);
    expect(sizes[5000]).toBeGreaterThan(105);
    expect(sizes[5000]).toBeLessThan(137);
    const counts = Array.from({ length: 10_000 }, () => random.poisson(3));
    expect(counts.reduce((sum, count) => sum + count, 0) / counts.length).toBeCloseTo(3, 1);
  });
});

describe('uuidFrom', () => {
  it('gives one UUID per text, the same every time', () => {
    expect(uuidFrom('run-m1')).toBe(uuidFrom('run-m1'));
    expect(uuidFrom('run-m1')).not.toBe(uuidFrom('run-m2'));
    expect(uuidFrom('run-m1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
