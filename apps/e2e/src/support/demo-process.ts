import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../../..');

export interface DemoProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs scripts/demo/demo.ts with `args` as `npm run demo` does after building. */
export function spawnDemo(args: string[] = []): DemoProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/demo/demo.ts', ...args], {
    cwd: workspaceRoot,
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Every process below `pid` now (children, their children, …), with its command line. */
export function descendantsOf(pid: number): { pid: number; command: string }[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, child, parent, command]) => ({ pid: Number(child), ppid: Number(parent), command }));
  const found: { pid: number; command: string }[] = [];
  const parents = [pid];
  while (parents.length > 0) {
    const parent = parents.pop();
    for (const row of table.filter((each) => each.ppid === parent)) {
      found.push({ pid: row.pid, command: row.command });
      parents.push(row.pid);
    }
  }
  return found;
}

/** Whether a process with this id still exists (a zombie not yet reaped counts as ended). */
export function isRunning(pid: number): boolean {
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state !== '' && !state.startsWith('Z');
  } catch {
    // ps exits 1 when no such process exists.
    return false;
  }
}
