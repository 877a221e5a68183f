import type { SeriesPoint } from '@handoff/console-api';

export interface ChartPoint {
  label: string;
  value: number;
}

/** A time series as chart rows, oldest first, each labelled by `label` (the time in the user's locale). */
export function seriesData(points: SeriesPoint[], label: (iso: string) => string): ChartPoint[] {
  return [...points]
    .sort((a, b) => Date.parse(a.t) - Date.parse(b.t))
    .map((point) => ({ label: label(point.t), value: point.value }));
}
