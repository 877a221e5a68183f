import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Leaderboard } from '../../api/quota';
import { CHART_COLOURS, ChartFigure } from '../../common/chart-figure';
import { attainmentRows, paceRows } from './quota-charts';

export function QuotaCharts({ board, nameOf }: { board: Leaderboard; nameOf: (repId: string) => string }) {
  const expectedPercent = Math.round(board.team.expectedShare * 1000) / 10;
  return (
    <div className="grid">
      <ChartFigure caption={`Revenue attainment per rep, in percent of target (expected by now: ${expectedPercent}%)`}>
        <BarChart data={attainmentRows(board.members, nameOf)}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="rep" />
          <YAxis unit="%" />
          <Tooltip />
          <ReferenceLine y={expectedPercent} stroke={CHART_COLOURS[1]} strokeDasharray="4 4" />
          <Bar dataKey="attainment" name="Attainment" unit="%" fill={CHART_COLOURS[0]} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>
      <ChartFigure caption="Pace: revenue attained against expected to date, per rep">
        <BarChart data={paceRows(board.members, nameOf)}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="rep" />
          <YAxis />
          <Tooltip />
          <Legend />
          <Bar dataKey="attained" name="Attained" fill={CHART_COLOURS[0]} isAnimationActive={false} />
          <Bar dataKey="expected" name="Expected to date" fill={CHART_COLOURS[1]} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>
    </div>
  );
}
