import type { Pool, Rep } from '../../api/routing';
import { PageTitle } from '../../common/page-title';
import { LoadState } from '../../common/status';
import { useGet } from '../../common/use-load';
import { ActiveRules } from './active-rules';
import { DryRunForm } from './dry-run-form';
import { FairnessSection } from './fairness-chart';
import { PoolsTable } from './pools-table';
import { RepsTable } from './reps-table';
import { RoutingQueue } from './routing-queue';

export function RoutingPage() {
  const reps = useGet<{ reps: Rep[] }>('/api/routing/reps');
  const pools = useGet<{ pools: Pool[] }>('/api/routing/pools');
  const names = new Map((reps.data?.reps ?? []).map((rep) => [rep.id, rep.name]));
  const nameOf = (repId: string) => names.get(repId) ?? repId;

  return (
    <>
      <PageTitle>Routing</PageTitle>
      <ActiveRules />
      <DryRunForm />
      <section aria-labelledby="pools">
        <h2 id="pools">Pools</h2>
        <LoadState loaded={pools} label="the pools">
          {({ pools: list }) => <PoolsTable pools={list} nameOf={nameOf} />}
        </LoadState>
      </section>
      <FairnessSection pools={pools.data?.pools ?? []} nameOf={nameOf} />
      <RoutingQueue />
      <section aria-labelledby="reps">
        <h2 id="reps">Reps</h2>
        <LoadState loaded={reps} label="the reps">
          {({ reps: list }) => <RepsTable reps={list} onChanged={reps.reload} />}
        </LoadState>
      </section>
    </>
  );
}
