/**
 * A structural check of a PromQL expression: not empty, brackets and quotes balanced, at least one metric name.
 * It is no parser: a full one (@prometheus-io/lezer-promql, Prometheus' own grammar) is not a dependency yet, and
 * whether the metric names exist is for the metrics catalogue to tell (libs/testing knownMetricNames, once there).
 */
export function promqlProblems(expression: string): string[] {
  const source = expression.trim();
  if (source === '') return ['empty expression'];
  const problems = unbalanced(source);
  if (metricNames(source).length === 0) problems.push('names no metric');
  return problems;
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

function unbalanced(source: string): string[] {
  const open: string[] = [];
  let quote: string | undefined;
  for (const char of source) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else if (CLOSING[char]) {
      open.push(CLOSING[char]);
    } else if (Object.values(CLOSING).includes(char) && open.pop() !== char) {
      return [`unexpected ${char}`];
    }
  }
  if (quote) return ['unterminated string'];
  return open.length > 0 ? [`missing ${open.reverse().join('')}`] : [];
}

const KEYWORDS = new Set([
  'sum',
  'max',
  'min',
  'avg',
  'count',
  'by',
  'without',
  'and',
  'or',
  'unless',
  'on',
  'ignoring',
  'rate',
  'increase',
  'delta',
  'deriv',
  'irate',
  'histogram_quantile',
  'bool',
  'offset',
  'group_left',
  'group_right',
  'topk',
  'bottomk',
  'abs',
  'clamp_min',
  'clamp_max',
  'vector',
  'time',
]);

/** Identifiers that stand as metric selectors: outside label matchers, not a function, keyword or grouping label. */
export function metricNames(source: string): string[] {
  const withoutMatchers = source.replace(/\{[^}]*\}/g, ' ').replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  const withoutRanges = withoutMatchers.replace(/\[[^\]]*\]/g, ' ');
  return [...withoutRanges.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)]
    .map((match) => match[0])
    .filter((name) => !KEYWORDS.has(name));
}
