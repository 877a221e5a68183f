import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const BUNDLE = 'ingest bundle (app + libs)';
const NO_OWNER = 'node / V8 with no package frame on the stack';
const VM_FRAMES = new Set(['(garbage collector)', '(program)']);

/** The npm package or the ingest bundle a frame belongs to; undefined for Node's own code and natives. */
function ownerOf(url: string): string | undefined {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1];
  return url.includes('dist/apps/') ? BUNDLE : undefined;
}

/**
 * Where the app's busy time goes, after `skipSeconds` of boot. Each sample is charged to the nearest
 * package (or bundle function) on its stack, so a socket write done for pg counts as pg: the cost of a
 * round trip shows up under the client that made it, which is what a choice of library or of the number
 * of round trips per event can change.
 */
export function summariseCpuProfile(dir: string, skipSeconds: number, top = 15): string[] {
  const newest = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) return [`no .cpuprofile in ${dir}`];
  const profile = JSON.parse(readFileSync(newest, 'utf8')) as CpuProfile;
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const byOwner = new Map<string, number>();
  const byBundleFunction = new Map<string, number>();
  const add = (totals: Map<string, number>, key: string, us: number) => totals.set(key, (totals.get(key) ?? 0) + us);
  let elapsedUs = 0;
  let busyUs = 0;
  const frameOf = (id: number) => nodeById.get(id)?.callFrame;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    elapsedUs += delta;
    const functionName = frameOf(id)?.functionName ?? '';
    if (elapsedUs < skipSeconds * 1e6 || functionName === '(idle)') return;
    busyUs += delta;
    if (VM_FRAMES.has(functionName)) return void add(byOwner, functionName, delta);
    let frame: number | undefined = id;
    let owner: string | undefined;
    while (frame !== undefined && !(owner = ownerOf(frameOf(frame)?.url ?? ''))) frame = parentOf.get(frame);
    add(byOwner, owner ?? NO_OWNER, delta);
    if (owner === BUNDLE && frame !== undefined)
      add(byBundleFunction, frameOf(frame)?.functionName || '(anonymous)', delta);
  });

  const share = (us: number) => `${((100 * us) / busyUs).toFixed(1).padStart(5)}%`;
  const ranked = (totals: Map<string, number>) => [...totals].sort(([, a], [, b]) => b - a).slice(0, top);
  return [
    `cpu profile ${newest} (after ${skipSeconds.toFixed(1)} s of boot): busy ${(busyUs / 1e6).toFixed(1)} s`,
    'busy time by the nearest package on the stack (I/O syscalls count for the client that made them):',
    ...ranked(byOwner).map(([owner, us]) => `  ${share(us)}  ${owner}`),
    'of which in the bundle, by function:',
    ...ranked(byBundleFunction).map(([name, us]) => `  ${share(us)}  ${name}`),
  ];
}
