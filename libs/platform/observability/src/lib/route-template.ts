import type { Request } from 'express';

/** The matched route's template (`/leads/:id`); requests that matched no route share one name. */
export function routeTemplate(req: Request): string {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}
