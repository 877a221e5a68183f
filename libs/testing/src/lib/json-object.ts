/** Shared topics may hold anything a test wrote; what is not a JSON object is not a run's. */
export function jsonObjectOf(text: string | null): object | undefined {
  try {
    const value: unknown = text ? JSON.parse(text) : undefined;
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
