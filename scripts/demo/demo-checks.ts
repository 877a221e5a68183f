// How the demo's steps fail the run (exit 1) with the claim that did not hold.
export function expectStatus(what: string, actual: number, expected: number): void {
  check(`${what} answers ${expected} (got ${actual})`, actual === expected);
}

export function check(claim: string, holds: boolean): void {
  if (!holds) throw new Error(`demo failed: expected ${claim}`);
}
