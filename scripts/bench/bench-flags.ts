/** Reads a bench's settings: `--name=value` on the command line, else the env var BENCH_NAME. */
export interface BenchFlags {
  value(name: string): string | undefined;
  /** A finite number above 0. */
  positive(name: string, fallback: number): number;
  /** An integer above 0. */
  count(name: string, fallback: number): number;
  /** Present as `--name`, or `--name=true`, or BENCH_NAME=1/true. */
  enabled(name: string): boolean;
}

export function benchFlags(argv: readonly string[], env: NodeJS.ProcessEnv): BenchFlags {
  const value = (name: string): string | undefined => {
    const prefix = `--${name}=`;
    return (
      argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ??
      env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`]
    );
  };
  const parsed = (name: string, fallback: number, valid: (n: number) => boolean, what: string): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const number = Number(raw);
    if (!valid(number)) throw new Error(`--${name} must be ${what}, got "${raw}"`);
    return number;
  };
  return {
    value,
    positive: (name, fallback) => parsed(name, fallback, (n) => Number.isFinite(n) && n > 0, 'a positive number'),
    count: (name, fallback) => parsed(name, fallback, (n) => Number.isInteger(n) && n > 0, 'a positive integer'),
    enabled: (name) => argv.includes(`--${name}`) || ['1', 'true'].includes(value(name) ?? ''),
  };
}
