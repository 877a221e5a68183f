// No exposition-format parser is installed (prom-client only writes the format): this reads the sample lines of
// the text format 0.0.4 the services expose, which is all the pipeline page needs (no histograms, no exemplars).

export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?\s*$/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?/y;

/** The samples of the metrics named in `names` (comments, types and every other metric skipped). */
export function parseSamples(text: string, names: ReadonlySet<string>): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match || !names.has(match[1])) continue;
    const labels = labelsOf(match[2] ?? '');
    const value = valueOf(match[3]);
    if (labels && value !== undefined) samples.push({ name: match[1], labels, value });
  }
  return samples;
}

function labelsOf(text: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (!match) return text.slice(start).trim() === '' ? labels : undefined;
    labels[match[1]] = unescape(match[2]);
  }
  return labels;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

function valueOf(text: string): number | undefined {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}
