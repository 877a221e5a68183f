import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/** A chart named by its caption (a figure's accessible name); the chart takes the figure's width. */
export function ChartFigure({
  caption,
  children,
  height = 240,
}: {
  caption: string;
  children: ReactElement;
  height?: number;
}) {
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      <div style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Series colours with at least 4.5:1 contrast on white, so legends and bars stay readable. */
export const CHART_COLOURS = ['#1f4e9c', '#8a4500', '#1b6b3a', '#7a1f6b'] as const;
