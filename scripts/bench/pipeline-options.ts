import { benchFlags } from './bench-flags';

export interface PipelineOptions {
  /** Leads pre-seeded before each run: the rate at 1,000,000 against 10,000 shows whether cost grows with them. */
  leadCounts: number[];
  /** Arrival rates in events/s, stepped up until the pipeline no longer keeps up. */
  rates: number[];
  stepSeconds: number;
  warmupSeconds: number;
  batchSize: number;
  /** Events through the bare kafkajs pass-through. */
  bareEvents: number;
  /** Also measure with a second scoring replica in the group. */
  scoringReplica: boolean;
  outDir: string;
}

const list = (text: string, name: string): number[] => {
  const values = text.split(',').map(Number);
  if (!values.every((value) => Number.isInteger(value) && value > 0)) {
    throw new Error(`--${name} must be a comma-separated list of positive integers, got "${text}"`);
  }
  return values;
};

/**
 * `npm run bench -- [--quick] [--leads=10000,1000000] [--rates=250,500,…] [--step-seconds=20] [--batch=100]
 * [--no-replica] [--out=bench/results]`; `--quick` is a one-minute check with 10,000 leads.
 */
export function pipelineOptions(argv: readonly string[], env: NodeJS.ProcessEnv): PipelineOptions {
  const flags = benchFlags(argv, env);
  const quick = flags.enabled('quick');
  return {
    leadCounts: list(flags.value('leads') ?? (quick ? '10000' : '10000,1000000'), 'leads'),
    rates: list(flags.value('rates') ?? (quick ? '200,400' : '250,500,1000,1500,2000,3000,4000'), 'rates'),
    stepSeconds: flags.count('step-seconds', quick ? 8 : 20),
    warmupSeconds: flags.count('warmup-seconds', quick ? 4 : 10),
    batchSize: flags.count('batch', 100),
    bareEvents: flags.count('bare-events', quick ? 10_000 : 60_000),
    scoringReplica: !flags.enabled('no-replica') && !quick,
    outDir: flags.value('out') ?? 'bench/results',
  };
}
