/** One line of the chart: points of (events/s, ms). */
export interface ChartSeries {
  label: string;
  points: { x: number; y: number }[];
  dashed?: boolean;
}

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { left: 70, right: 200, top: 30, bottom: 50 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];

/**
 * Latency against arrival rate as a small SVG line chart. Written by hand: a few polylines and labels, where a
 * charting library would bring a DOM or canvas implementation to a command-line benchmark.
 */
export function latencyChartSvg(title: string, series: readonly ChartSeries[]): string {
  const points = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.y));
  const maxX = niceCeiling(Math.max(1, ...points.map((p) => p.x)));
  const maxY = niceCeiling(Math.max(1, ...points.map((p) => p.y)));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + (x / maxX) * plotW;
  const sy = (y: number) => MARGIN.top + plotH - (y / maxY) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const lines = series.map((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const drawn = s.points.filter((p) => Number.isFinite(p.y));
    const path = drawn.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
    const dots = drawn.map(
      (p) => `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3" fill="${colour}"/>`,
    );
    const legendY = MARGIN.top + 18 * i;
    return [
      `<polyline fill="none" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''} points="${path}"/>`,
      ...dots,
      `<line x1="${WIDTH - MARGIN.right + 15}" y1="${legendY}" x2="${WIDTH - MARGIN.right + 40}" y2="${legendY}" stroke="${colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${WIDTH - MARGIN.right + 45}" y="${legendY + 4}">${escape(s.label)}</text>`,
    ].join('\n');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${MARGIN.left}" y="18" font-size="14">${escape(title)}</text>`,
    ...ticks.map(
      (t) =>
        `<line x1="${MARGIN.left}" y1="${sy(t * maxY)}" x2="${MARGIN.left + plotW}" y2="${sy(t * maxY)}" stroke="#ddd"/>`,
    ),
    ...ticks.map(
      (t) => `<text x="${MARGIN.left - 8}" y="${sy(t * maxY) + 4}" text-anchor="end">${Math.round(t * maxY)}</text>`,
    ),
    ...ticks.map(
      (t) =>
        `<text x="${sx(t * maxX)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${Math.round(t * maxX)}</text>`,
    ),
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotH}" x2="${MARGIN.left + plotW}" y2="${MARGIN.top + plotH}" stroke="black"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotH}" stroke="black"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">offered events/s</text>`,
    `<text x="16" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 16 ${MARGIN.top + plotH / 2})">p99 latency, ms</text>`,
    ...lines,
    '</svg>',
    '',
  ].join('\n');
}

/** 1, 2 or 5 times a power of ten, at least `value`: round axis ends. */
export function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
