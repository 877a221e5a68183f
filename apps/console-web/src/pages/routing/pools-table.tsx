import type { Pool } from '../../api/routing';
import { EmptyRow } from '../../common/empty-row';

export function PoolsTable({ pools, nameOf }: { pools: Pool[]; nameOf: (repId: string) => string }) {
  return (
    <table>
      <caption>Pools</caption>
      <thead>
        <tr>
          <th scope="col">Pool</th>
          <th scope="col">Reps</th>
          <th scope="col" className="num">
            SLA (minutes)
          </th>
        </tr>
      </thead>
      <tbody>
        {pools.length === 0 && <EmptyRow columns={3} text="No pools" />}
        {pools.map((pool) => (
          <tr key={pool.id}>
            <th scope="row">
              {pool.name} <span className="muted">({pool.id})</span>
            </th>
            <td>{pool.repIds.map(nameOf).join(', ') || '—'}</td>
            <td className="num">{pool.slaMinutes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
