import type { FaultInfrastructure, HandoffStack } from '@handoff/testing';
import type { FaultPlan } from './fault-plan';

export type FaultStack = HandoffStack<'ingest' | 'scoring' | 'routing' | 'quota'>;

/** One fault: `inject` breaks something, and resolves once it has put it back (the fault's end). */
export interface Fault {
  name: string;
  inject(): Promise<void>;
}

const seconds = (n: number) => new Promise((resolve) => setTimeout(resolve, n * 1000));

/** The faults of issue 11 in the order they run: a crashed consumer, then each piece of infrastructure. */
export function faultsOf(plan: FaultPlan, infrastructure: FaultInfrastructure, stack: FaultStack): Fault[] {
  const { kafka, postgres, redis } = infrastructure;
  return [
    {
      name: `scoring SIGKILLed, restarted after ${plan.scoringDeadSeconds} s`,
      inject: async () => {
        await stack.scoring.process.kill();
        await seconds(plan.scoringDeadSeconds);
        await stack.scoring.process.restart();
      },
    },
    {
      name: `PostgreSQL stopped for ${plan.postgresDownSeconds} s`,
      inject: async () => {
        await postgres.stop();
        await seconds(plan.postgresDownSeconds);
        await postgres.start();
      },
    },
    {
      name: `Redis stopped for ${plan.redisDownSeconds} s`,
      inject: async () => {
        await redis.stop();
        await seconds(plan.redisDownSeconds);
        await redis.start();
      },
    },
    {
      name: `broker frozen (SIGSTOP) for ${plan.brokerFrozenSeconds} s`,
      inject: async () => {
        kafka.freeze();
        await seconds(plan.brokerFrozenSeconds);
        kafka.thaw();
      },
    },
    { name: 'broker restarted (SIGTERM, start)', inject: () => kafka.restart() },
  ];
}
