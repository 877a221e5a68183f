/** The quarter holding now on quota's default fiscal calendar (years from January, UTC), e.g. FY2026-Q4. */
export function currentQuarter(): string {
  const now = new Date();
  return `FY${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}
