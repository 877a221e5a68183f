import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

const TWO_POW_30 = 2 ** 30;

/** Seeded uniform draws in [0, 1) from pure-rand, so every run of a test draws the same synthetic set. */
export function seededUniform(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => unsafeUniformIntDistribution(0, TWO_POW_30 - 1, generator) / TWO_POW_30;
}

/** Standard normal draws (Box–Muller), with the uniform source beside them for drawing labels. */
export function seededGaussian(seed: number): (() => number) & { uniform: () => number } {
  const uniform = seededUniform(seed);
  const gaussian = () => {
    const u = 1 - uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return Object.assign(gaussian, { uniform });
}
