/** Everything the process writes while the app runs: its JSON log lines, and anything printed directly. */
export class OutputCapture {
  readonly chunks: string[] = [];
  private readonly originalWrite = process.stdout.write;
  private readonly consoleSpies: jest.SpyInstance[] = [];

  start(): void {
    process.stdout.write = ((chunk: string | Uint8Array) => {
      this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      this.consoleSpies.push(
        jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          this.chunks.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
        }),
      );
    }
  }

  stop(): void {
    process.stdout.write = this.originalWrite;
    for (const spy of this.consoleSpies) spy.mockRestore();
  }

  lines(): string[] {
    return this.chunks.join('').split('\n').filter(Boolean);
  }

  /** The lines that parse as JSON log entries. */
  entries(): Record<string, unknown>[] {
    return this.lines().flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }
}
