import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const IDLE = '(idle)';

/** Where a frame's code lives: an npm package, the ingest bundle, Node itself, or V8 (GC, program). */
function categoryOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'native';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1];
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('dist/apps/')) return 'ingest bundle (app + libs)';
  return url;
}

/** Self time per function and per package, busy time only, from the newest .cpuprofile in `dir`. */
export function summariseCpuProfile(dir: string, top = 20): string[] {
  const newest = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) return [`no .cpuprofile in ${dir}`];
  const profile = JSON.parse(readFileSync(newest, 'utf8')) as CpuProfile;
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byCategory = new Map<string, number>();
  let busyUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const { functionName, url, lineNumber } = nodeById.get(id)!.callFrame;
    if (functionName === IDLE) {
      idleUs += delta;
      return;
    }
    busyUs += delta;
    const category = categoryOf(url, functionName);
    const name = `${functionName || '(anonymous)'}  [${category}${url ? `:${lineNumber + 1}` : ''}]`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
    byCategory.set(category, (byCategory.get(category) ?? 0) + delta);
  });
  const share = (us: number) => `${((100 * us) / busyUs).toFixed(1).padStart(5)}%`;
  const ranked = (totals: Map<string, number>, count: number) =>
    [...totals].sort(([, a], [, b]) => b - a).slice(0, count);
  return [
    `cpu profile ${newest}: busy ${(busyUs / 1e6).toFixed(1)} s, idle ${(idleUs / 1e6).toFixed(1)} s (whole run)`,
    'self time by package (share of busy time):',
    ...ranked(byCategory, 12).map(([category, us]) => `  ${share(us)}  ${category}`),
    `top ${top} functions by self time:`,
    ...ranked(byFunction, top).map(([name, us]) => `  ${share(us)}  ${name}`),
  ];
}
