import type { FaultInfrastructure, HandoffStack, ServiceProcess } from '@handoff/testing';
import type { FaultPlan } from './fault-plan';

export const FAULT_APPS = ['ingest', 'scoring', 'routing', 'quota'] as const;
export type FaultApp = (typeof FAULT_APPS)[number];
export type FaultStack = HandoffStack<FaultApp>;

/** One fault: `inject` breaks something, and resolves once it has put it back (the fault's end). */
export interface Fault {
  name: string;
  /** How long it keeps the thing broken, for planning the load. */
  seconds: number;
  /** The service a crash kills one process of. */
  app?: FaultApp;
  inject(): Promise<void>;
}

const seconds = (n: number) => new Promise((resolve) => setTimeout(resolve, n * 1000));

/** A crash: SIGKILL under load (mid-chunk: nothing flushed, nothing committed), then the same process started again. */
export function killFault(app: FaultApp, name: string, process: ServiceProcess, deadSeconds: number): Fault {
  return {
    name,
    app,
    seconds: deadSeconds,
    inject: async () => {
      await process.kill();
      await seconds(deadSeconds);
      await process.restart();
    },
  };
}

/** The single session: each service crashes in turn, then each piece of infrastructure fails. */
export function singleInstanceFaults(plan: FaultPlan, infrastructure: FaultInfrastructure, stack: FaultStack): Fault[] {
  const { kafka, postgres, redis } = infrastructure;
  return [
    ...FAULT_APPS.map((app) =>
      killFault(app, `${app} SIGKILLed, restarted after ${plan.deadSeconds} s`, stack[app].process, plan.deadSeconds),
    ),
    downFor(`PostgreSQL stopped for ${plan.postgresDownSeconds} s`, plan.postgresDownSeconds, postgres),
    downFor(`Redis stopped for ${plan.redisDownSeconds} s`, plan.redisDownSeconds, redis),
    {
      name: `broker frozen (SIGSTOP) for ${plan.brokerFrozenSeconds} s`,
      seconds: plan.brokerFrozenSeconds,
      inject: async () => {
        kafka.freeze();
        await seconds(plan.brokerFrozenSeconds);
        kafka.thaw();
      },
    },
    { name: 'broker restarted (SIGTERM, start)', seconds: 0, inject: () => kafka.restart() },
  ];
}

/** The scaled session: one of each service's two replicas crashes under load, and its partitions move mid-chunk. */
export function scaledOutFaults(plan: FaultPlan, replicas: Record<FaultApp, ServiceProcess>): Fault[] {
  return FAULT_APPS.map((app) =>
    killFault(
      app,
      `one of two ${app} replicas SIGKILLed, restarted after ${plan.deadSeconds} s`,
      replicas[app],
      plan.deadSeconds,
    ),
  );
}

function downFor(name: string, downSeconds: number, part: { stop(): Promise<void>; start(): Promise<void> }): Fault {
  return {
    name,
    seconds: downSeconds,
    inject: async () => {
      await part.stop();
      await seconds(downSeconds);
      await part.start();
    },
  };
}
