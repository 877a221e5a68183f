import { parseArgs } from 'node:util';
import { integer, positive } from '../simulate/simulate-options';

export interface LiveOptions {
  ratePerSecond: number;
  /** Seconds the simulator runs; unset: until Ctrl-C or SIGTERM. */
  durationSeconds?: number;
  seed: number;
}

/** `npm run demo -- --live [--rate 20] [--duration 60] [--seed 42]`; without `--live` the narrated demo runs. */
export function liveOptions(argv: string[]): LiveOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      live: { type: 'boolean', default: false },
      rate: { type: 'string', default: '20' },
      duration: { type: 'string' },
      seed: { type: 'string', default: '42' },
    },
  });
  if (!values.live) {
    const given = ['rate', 'duration', 'seed'].filter((flag) => argv.some((arg) => arg.startsWith(`--${flag}`)));
    if (given.length > 0) throw new Error(`--${given[0]} applies to the live view only: add --live`);
    return undefined;
  }
  return {
    ratePerSecond: positive('rate', values.rate),
    durationSeconds: values.duration === undefined ? undefined : positive('duration', values.duration),
    seed: integer('seed', values.seed),
  };
}
