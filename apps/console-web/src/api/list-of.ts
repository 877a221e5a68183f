/**
 * The items of a list answer, whether the service sends a bare array or wraps it (`{ teams: [...] }`):
 * used for the routes whose owning service has not published its shape yet (queue, stages, quota's teams).
 */
export function listOf<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object') {
    const items = (body as Record<string, unknown>)[key];
    if (Array.isArray(items)) return items as T[];
  }
  return [];
}
