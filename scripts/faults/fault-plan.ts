import { parseArgs } from 'node:util';

/** How long each fault lasts and how hard the simulator drives the services meanwhile. */
export interface FaultPlan {
  ratePerSecond: number;
  /** Steady load before the first fault, and between a fault's recovery and the next fault. */
  warmupSeconds: number;
  gapSeconds: number;
  postgresDownSeconds: number;
  redisDownSeconds: number;
  brokerFrozenSeconds: number;
  /** How long scoring stays dead after the SIGKILL before it is started again. */
  scoringDeadSeconds: number;
  /** Load kept on after each fault for its recovery (the simulator sends for a fixed time, planned up front). */
  recoveryAllowanceSeconds: number;
  seed: number;
}

/** The durations: PostgreSQL and Redis down 30 s, the broker frozen 20 s. */
const FULL: FaultPlan = {
  ratePerSecond: 10,
  warmupSeconds: 15,
  gapSeconds: 5,
  postgresDownSeconds: 30,
  redisDownSeconds: 30,
  brokerFrozenSeconds: 20,
  scoringDeadSeconds: 5,
  recoveryAllowanceSeconds: 20,
  seed: 42,
};

/** A few seconds each: the same faults, quick enough to run with the other suites. */
const SHORT: FaultPlan = {
  ...FULL,
  warmupSeconds: 5,
  gapSeconds: 2,
  postgresDownSeconds: 3,
  redisDownSeconds: 3,
  brokerFrozenSeconds: 3,
  scoringDeadSeconds: 1,
  recoveryAllowanceSeconds: 8,
};

/** `--short` for the quick plan, `--rate N` and `--seed N` to vary the load. */
export function faultPlanOf(argv: string[]): FaultPlan {
  const { values } = parseArgs({
    args: argv,
    options: { short: { type: 'boolean', default: false }, rate: { type: 'string' }, seed: { type: 'string' } },
  });
  const plan = values.short ? SHORT : FULL;
  return {
    ...plan,
    ratePerSecond: values.rate ? positive('rate', values.rate) : plan.ratePerSecond,
    seed: values.seed ? positive('seed', values.seed) : plan.seed,
  };
}

/** How long the simulator sends: long enough to keep the load on through every fault and its recovery. */
export function loadSeconds(plan: FaultPlan): number {
  const faults = [
    plan.scoringDeadSeconds,
    plan.postgresDownSeconds,
    plan.redisDownSeconds,
    plan.brokerFrozenSeconds,
    0, // the broker restart
  ];
  return (
    plan.warmupSeconds +
    faults.reduce((sum, seconds) => sum + seconds + plan.recoveryAllowanceSeconds + plan.gapSeconds, 0)
  );
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`--${name} must be a positive number, got "${text}"`);
  return value;
}
