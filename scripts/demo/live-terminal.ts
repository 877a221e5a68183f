// Draws the live view once a second: redrawn in place with plain ANSI codes on a terminal, one frame after the
// other (a blank line between) when the output is a pipe or a file.
const REFRESH_MS = 1000;
const HOME = '\x1b[H';
const CLEAR_SCREEN = '\x1b[2J';
const CLEAR_LINE_END = '\x1b[K';
const CLEAR_BELOW = '\x1b[J';

export class LiveTerminal {
  private timer?: NodeJS.Timeout;
  private drawing?: Promise<void>;
  private drawn = 0;

  constructor(
    private readonly frame: () => Promise<string[]>,
    private readonly out: NodeJS.WriteStream = process.stdout,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      // A refresh whose probes are still out is skipped rather than queued behind it.
      this.drawing ??= this.draw().finally(() => (this.drawing = undefined));
    }, REFRESH_MS);
  }

  /** Stops refreshing and draws the final frame. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.drawing;
    await this.draw();
  }

  private async draw(): Promise<void> {
    const lines = await this.frame().catch((error: unknown) => [
      `the live view could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
    ]);
    if (this.out.isTTY) {
      const start = this.drawn === 0 ? CLEAR_SCREEN + HOME : HOME;
      this.out.write(`${start}${lines.map((line) => line + CLEAR_LINE_END).join('\n')}\n${CLEAR_BELOW}`);
    } else {
      this.out.write(`${lines.join('\n')}\n\n`);
    }
    this.drawn++;
  }
}
