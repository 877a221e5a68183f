// Lints in-memory probe files with the workspace's ESLint config and prints the boundary-rule
// messages per probe as JSON. Runs as its own Node process because ESLint loads the flat config
// through a dynamic import, which jest's module sandbox does not support.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const workspaceRoot = process.argv[2];
const probes = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: workspaceRoot });

const results = [];
for (const { filePath, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath: join(workspaceRoot, filePath) });
  results.push(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message));
}
process.stdout.write(JSON.stringify(results));
