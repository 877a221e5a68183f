import type { SeriesPoint } from '@handoff/console-api';
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_COLOURS, ChartFigure } from '../../common/chart-figure';
import { formatTime } from '../../common/format';
import { seriesData } from './series-data';

export function EventsPerSecondChart({ points }: { points: SeriesPoint[] }) {
  return (
    <ChartFigure caption="Engagement events accepted per second">
      <LineChart data={seriesData(points, formatTime)}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals />
        <Tooltip />
        <Line
          type="monotone"
          dataKey="value"
          name="events/s"
          stroke={CHART_COLOURS[0]}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}

export function PerHourChart({ caption, points, name }: { caption: string; points: SeriesPoint[]; name: string }) {
  return (
    <ChartFigure caption={caption}>
      <BarChart data={seriesData(points, formatTime)}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="value" name={name} fill={CHART_COLOURS[0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
