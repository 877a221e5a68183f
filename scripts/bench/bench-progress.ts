/** Progress lines go to stderr, so stdout holds only a benchmark's header and tables: a quotable block. */
export function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** Each step runs whatever failed before it, so one failure never leaves the others behind. */
export async function cleanUp(steps: (readonly [what: string, step: () => Promise<unknown>])[]): Promise<void> {
  for (const [what, step] of steps) {
    try {
      const result = await step();
      progress(`cleanup: ${what}${result === undefined ? '' : ` (${String(result)})`}`);
    } catch (error) {
      progress(`cleanup: ${what} FAILED: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
}
