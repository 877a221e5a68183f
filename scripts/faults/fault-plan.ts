import { parseArgs } from 'node:util';

/** A fault session: every service once (single), or two of each in one group with one of each killed (scaled). */
export type FaultSessionKind = 'single' | 'scaled';

/** How long each fault lasts and how hard the simulator drives the services meanwhile. */
export interface FaultPlan {
  ratePerSecond: number;
  /** Steady load before the first fault, and between a fault's recovery and the next fault. */
  warmupSeconds: number;
  gapSeconds: number;
  postgresDownSeconds: number;
  redisDownSeconds: number;
  brokerFrozenSeconds: number;
  /** How long a SIGKILLed service stays dead before it is started again. */
  deadSeconds: number;
  /** Load kept on after each fault for its recovery (the simulator sends for a fixed time, planned up front). */
  recoveryAllowanceSeconds: number;
  /**
   * The services' KAFKA_CONSUMER_SESSION_TIMEOUT_MS: a killed consumer's partitions wait this long for the broker
   * to give up on it. 10 s (not the 30 s default) keeps each kill's recovery, and so the run, short.
   */
  sessionTimeoutMs: number;
  sessions: FaultSessionKind[];
  /** Only the faults whose name contains this text (`--fault broker`), for working on one fault. */
  faultFilter?: string;
  seed: number;
}

/** The durations: PostgreSQL and Redis down 30 s, the broker frozen 20 s; both sessions. */
const FULL: FaultPlan = {
  ratePerSecond: 10,
  warmupSeconds: 15,
  gapSeconds: 5,
  postgresDownSeconds: 30,
  redisDownSeconds: 30,
  brokerFrozenSeconds: 20,
  deadSeconds: 5,
  recoveryAllowanceSeconds: 20,
  sessionTimeoutMs: 10_000,
  sessions: ['single', 'scaled'],
  seed: 42,
};

/** A few seconds each, the single session only: the same faults, quick enough to run with the other suites. */
const SHORT: FaultPlan = {
  ...FULL,
  warmupSeconds: 5,
  gapSeconds: 2,
  postgresDownSeconds: 3,
  redisDownSeconds: 3,
  brokerFrozenSeconds: 3,
  deadSeconds: 1,
  recoveryAllowanceSeconds: 12,
  sessions: ['single'],
};

/** `--short` for the quick plan, `--session single|scaled` for one session, `--fault <text>`, `--rate N`, `--seed N`. */
export function faultPlanOf(argv: string[]): FaultPlan {
  const { values } = parseArgs({
    args: argv,
    options: {
      short: { type: 'boolean', default: false },
      session: { type: 'string' },
      fault: { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const plan = values.short ? SHORT : FULL;
  return {
    ...plan,
    sessions: values.session === undefined ? plan.sessions : [sessionKind(values.session)],
    faultFilter: values.fault,
    ratePerSecond: values.rate ? positive('rate', values.rate) : plan.ratePerSecond,
    seed: values.seed ? positive('seed', values.seed) : plan.seed,
  };
}

/** How long the simulator sends: the warm-up, then each fault with its recovery allowance and the gap after it. */
export function loadSeconds(plan: FaultPlan, faultSeconds: readonly number[]): number {
  return (
    plan.warmupSeconds +
    faultSeconds.reduce((sum, seconds) => sum + seconds + plan.recoveryAllowanceSeconds + plan.gapSeconds, 0)
  );
}

function sessionKind(text: string): FaultSessionKind {
  if (text === 'single' || text === 'scaled') return text;
  throw new Error(`--session must be single or scaled, got "${text}"`);
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`--${name} must be a positive number, got "${text}"`);
  return value;
}
