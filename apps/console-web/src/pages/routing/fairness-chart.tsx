import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { segment, withQuery } from '../../api/client';
import type { Pool, PoolFairness } from '../../api/routing';
import { CHART_COLOURS, ChartFigure } from '../../common/chart-figure';
import { formatNumber } from '../../common/format';
import { LoadState } from '../../common/status';
import { useGet } from '../../common/use-load';
import { defaultFairnessWindow, fairnessQuery, fairnessRows } from './fairness';

export function FairnessSection({ pools, nameOf }: { pools: Pool[]; nameOf: (repId: string) => string }) {
  const [picked, setPoolId] = useState('');
  const poolId = picked || (pools[0]?.id ?? '');
  const [range, setRange] = useState(() => defaultFairnessWindow(new Date()));
  const valid = Boolean(poolId && range.from && range.to && range.from <= range.to);
  const fairness = useGet<PoolFairness>(
    valid ? withQuery(`/api/routing/pools/${segment(poolId)}/fairness`, fairnessQuery(range.from, range.to)) : null,
  );

  return (
    <section aria-labelledby="fairness">
      <h2 id="fairness">Fairness</h2>
      <form className="inline-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          Pool
          <select value={poolId} onChange={(e) => setPoolId(e.target.value)}>
            {pools.map((pool) => (
              <option key={pool.id} value={pool.id}>
                {pool.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </label>
      </form>
      {pools.length === 0 && <p className="muted">No pool to show.</p>}
      {pools.length > 0 && !valid && <p role="alert">Choose a window whose start is not after its end.</p>}
      {valid && (
        <LoadState loaded={fairness} label="the fairness">
          {(data) => (
            <>
              <p>
                {formatNumber(data.totalAssignments, 0)} assignments in the window.{' '}
                {formatNumber(data.timeInQueueMs.count, 0)} leads waited in the queue (median{' '}
                {formatNumber(data.timeInQueueMs.p50 / 60_000)} min, 90th percentile{' '}
                {formatNumber(data.timeInQueueMs.p90 / 60_000)} min).
              </p>
              <ChartFigure caption="Each rep’s share of assignments against their weight share, in percent">
                <BarChart data={fairnessRows(data, nameOf)}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="rep" />
                  <YAxis unit="%" />
                  <Tooltip />
                  <Legend />
                  <Bar
                    dataKey="assignmentShare"
                    name="Share of assignments"
                    unit="%"
                    fill={CHART_COLOURS[0]}
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="weightShare"
                    name="Weight share"
                    unit="%"
                    fill={CHART_COLOURS[1]}
                    isAnimationActive={false}
                  />
                </BarChart>
              </ChartFigure>
            </>
          )}
        </LoadState>
      )}
    </section>
  );
}
