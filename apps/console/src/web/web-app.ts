import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** Paths the backend answers itself: never the web app, never its index.html fallback. */
const BACKEND_PATHS = /^\/(api|auth|health|metrics)(\/|$)/;

/**
 * Where the web app's build is: CONSOLE_WEB_DIR, else `console-web` beside the backend's own build
 * (webpack puts main.js in dist/apps/console, Vite the web app in dist/apps/console-web).
 */
export function webDirOf(configured: string | undefined, backendDir = __dirname): string {
  return configured ? resolve(configured) : join(backendDir, '..', 'console-web');
}

/** The built files, then index.html for any other GET outside the backend's paths (the app's own routes). */
export function webAppHandlers(webDir: string): RequestHandler[] {
  const files = express.static(webDir, { index: 'index.html', fallthrough: true });
  const index = join(webDir, 'index.html');
  const skipBackend: RequestHandler = (request, response, next) =>
    BACKEND_PATHS.test(request.path) ? next() : files(request, response, next);
  const spaFallback = (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || BACKEND_PATHS.test(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  };
  return [skipBackend, spaFallback];
}

export function hasWebBuild(webDir: string): boolean {
  return existsSync(join(webDir, 'index.html'));
}
