/*
 * Metric names a PromQL expression reads. No PromQL parser is installed in this workspace (the reference one,
 * @prometheus-io/lezer-promql, is not a dependency), so this is a tokenizer: it blanks out everything that is not
 * a metric name — string literals, label matchers, range and subquery selectors, grouping clauses with their label
 * lists, Grafana variables, offsets and numbers — and keeps the identifiers that are not called as functions and
 * are not PromQL keywords. Dashboards and alert rules only use the plain PromQL this covers.
 */

const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'inf',
  'nan',
]);

const BLANKED_OUT: readonly RegExp[] = [
  /"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`]*`/g, // string literals: label values, label_replace arguments
  /\{[^}]*\}/g, // label matchers (Grafana variables inside them go too)
  /\[[^\]]*\]/g, // range and subquery selectors: [5m], [$__rate_interval], [1h:5m]
  /\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/gi, // grouping clauses and their label lists
  /\boffset\s+-?\w+/gi, // offset modifiers: the duration is not a name
  /@\s*\S+/g, // @ modifiers
  /\$\{[^}]*\}|\$\w+/g, // Grafana variables outside selectors
  /\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi, // numbers
];

const IDENTIFIER = /[A-Za-z_:][\w:]*/g;

/** The distinct metric names `expr` selects, in order of appearance. */
export function metricNamesInPromQl(expr: string): string[] {
  const stripped = BLANKED_OUT.reduce((text, pattern) => text.replace(pattern, ' '), expr);
  const names: string[] = [];
  for (const match of stripped.matchAll(IDENTIFIER)) {
    const name = match[0];
    const after = stripped.slice((match.index ?? 0) + name.length);
    const isCall = /^\s*\(/.test(after);
    if (!isCall && !KEYWORDS.has(name.toLowerCase()) && !names.includes(name)) names.push(name);
  }
  return names;
}
