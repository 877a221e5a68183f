export interface WaitForOptions {
  /** How long the condition may stay false before the wait fails. */
  timeoutMs?: number;
  /** Pause between two checks of the condition. */
  intervalMs?: number;
}

/**
 * Polls `condition` until it holds. Tests wait for a state, never for a fixed time: a sleep is either too
 * short on a busy machine or wasted on an idle one. Fails naming `description` once the deadline passed.
 */
export async function waitFor(
  description: string,
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 20_000, intervalMs = 50 }: WaitForOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
