import { createHash } from 'node:crypto';
import { type RandomGenerator, unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/** A value and how often it comes up relative to the others. */
export type Weighted<T> = readonly (readonly [value: T, weight: number])[];

const TWO_POW_26 = 2 ** 26;
const TWO_POW_27 = 2 ** 27;
const TWO_POW_53 = 2 ** 53;

/**
 * Draws from pure-rand's xoroshiro128+ (the generator fast-check is built on): the same seed gives the same
 * draws on every machine, so a simulated run can be replayed. Mutable on purpose: one stream, drawn in order.
 */
export class SeededRandom {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }

  /** An independent stream named by `label` under `seed`: its draws do not depend on how much another drew. */
  static derived(seed: number, label: string): SeededRandom {
    return new SeededRandom(createHash('sha256').update(`${seed}:${label}`).digest().readInt32BE(0));
  }

  /** Uniform in [0, 1), from 53 random bits (26 + 27), as Math.random has. */
  next(): number {
    const high = unsafeUniformIntDistribution(0, TWO_POW_26 - 1, this.generator);
    const low = unsafeUniformIntDistribution(0, TWO_POW_27 - 1, this.generator);
    return (high * TWO_POW_27 + low) / TWO_POW_53;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return unsafeUniformIntDistribution(min, max, this.generator);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  weighted<T>(table: Weighted<T>): T {
    const total = table.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.next() * total;
    for (const [value, weight] of table) {
      draw -= weight;
      if (draw < 0) return value;
    }
    return table[table.length - 1][0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return Math.exp(Math.log(median) + sigma * this.normal());
  }

  /** Poisson-distributed count (Knuth's method: the means used here are small). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.next(); product > limit; product *= this.next()) count++;
    return count;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
}

/** A UUID-shaped id derived from `text`: the same text always gives the same id (for replayable event ids). */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
