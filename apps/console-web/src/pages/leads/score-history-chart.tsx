import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { apiGet, segment, withQuery } from '../../api/client';
import type { HistoryPage } from '../../api/scoring';
import { CHART_COLOURS, ChartFigure } from '../../common/chart-figure';
import { formatDateTime } from '../../common/format';
import { LoadState } from '../../common/status';
import { useLoad } from '../../common/use-load';
import { followHistory, scoreOverTime } from './score-history';

const MAX_PAGES = 10;
const PAGE_SIZE = 100;

export function ScoreHistoryChart({ leadId }: { leadId: string }) {
  const path = `/api/leads/${segment(leadId)}/score/history`;
  const history = useLoad(path, (signal) =>
    followHistory((cursor) => apiGet<HistoryPage>(withQuery(path, { cursor, limit: PAGE_SIZE }), signal), MAX_PAGES),
  );
  return (
    <section aria-labelledby="score-over-time">
      <h2 id="score-over-time">Score over time</h2>
      <LoadState loaded={history} label="the score history">
        {({ entries, complete }) =>
          entries.length === 0 ? (
            <p>No behaviour points recorded yet.</p>
          ) : (
            <>
              <ChartFigure caption="Behaviour points awarded over time, before decay">
                <LineChart data={scoreOverTime(entries)}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis
                    dataKey="at"
                    type="number"
                    scale="time"
                    domain={['dataMin', 'dataMax']}
                    tickFormatter={(at: number) => formatDateTime(new Date(at).toISOString())}
                  />
                  <YAxis />
                  <Tooltip labelFormatter={(at) => formatDateTime(new Date(Number(at)).toISOString())} />
                  <Line
                    type="stepAfter"
                    dataKey="points"
                    name="points"
                    stroke={CHART_COLOURS[0]}
                    isAnimationActive={false}
                  />
                </LineChart>
              </ChartFigure>
              {!complete && <p className="muted">Showing the first {entries.length} changes of a longer history.</p>}
            </>
          )
        }
      </LoadState>
    </section>
  );
}
