import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { METRIC_CATALOG } from '@handoff/platform-observability';

const root = join(__dirname, '../../..');
/** The only place prom-client metric objects are constructed: from the catalog's definitions. */
const FACTORIES = 'libs/platform/observability/src/lib/metric-factories.ts';
const METRIC_CONSTRUCTION = /\bnew\s+(?:Counter|Gauge|Histogram|Summary)\s*(?:<[^>]*>)?\s*\(/;

function runtimeSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : runtimeSources(path);
    const isTest = /\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name);
    return entry.name.endsWith('.ts') && !isTest ? [relative(root, path)] : [];
  });
}

/**
 * knownMetricNames() (libs/testing), which the dashboard and alert checks read, registers the metric catalog. That
 * only reflects what the services expose if no service builds a metric outside the catalog.
 */
describe('metric catalog coverage', () => {
  it('finds where metrics are constructed', () => {
    expect(METRIC_CONSTRUCTION.test(readFileSync(join(root, FACTORIES), 'utf8'))).toBe(true);
  });

  it('has every service metric built from the catalog, never constructed elsewhere', () => {
    const sources = [...runtimeSources(join(root, 'libs')), ...runtimeSources(join(root, 'apps'))];
    const constructing = sources.filter(
      (path) => path !== FACTORIES && METRIC_CONSTRUCTION.test(readFileSync(join(root, path), 'utf8')),
    );

    expect(constructing).toEqual([]);
  });
});

describe('metric documentation', () => {
  it('names every catalog metric in the README (Observability)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');

    expect(
      METRIC_CATALOG.map((definition) => definition.name).filter((name) => !readme.includes(`\`${name}\``)),
    ).toEqual([]);
  });
});
