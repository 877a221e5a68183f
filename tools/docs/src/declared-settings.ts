import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const workspaceRoot = join(__dirname, '../../..');
export const readWorkspaceFile = (path: string) => readFileSync(join(workspaceRoot, path), 'utf8');

/** Where settings are declared: the platform's config fragments and each service's config class. */
export function configSources(): string[] {
  const fragments = readdirSync(join(workspaceRoot, 'libs/platform/config/src/lib'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => `libs/platform/config/src/lib/${file}`);
  const services = readdirSync(join(workspaceRoot, 'apps'))
    .map((app) => `apps/${app}/src/app/${app}.config.ts`)
    .filter((path) => {
      try {
        return readWorkspaceFile(path).length > 0;
      } catch {
        return false;
      }
    });
  return [...fragments, ...services];
}

const DECLARATION = /^\s+(?:override\s+)?(?:readonly\s+)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[?!]?\s*[:=]/gm;

/** Every setting a config class declares: an upper-case property (`  KAFKA_TLS = false;`, `  override HTTP_PORT = 3000;`). */
export function declaredSettings(source: string): string[] {
  return [...source.matchAll(DECLARATION)].map((match) => match[1]);
}

/** The settings of the platform and of every service, sorted. */
export function allSettings(): string[] {
  return [...new Set(configSources().flatMap((path) => declaredSettings(readWorkspaceFile(path))))].sort();
}

/** Each `@Secret()` setting with its published default (the string initializer), or undefined when it has none. */
export function secretSettings(source: string): { setting: string; published?: string }[] {
  const secret = /@Secret\(\)(?:\s*@\w+\([^)]*\))*\s*([A-Z][A-Z0-9_]+)[?!]?\s*(?::\s*\w+\s*)?(?:=\s*'([^']*)')?/g;
  return [...source.matchAll(secret)].map((match) => ({ setting: match[1], published: match[2] }));
}
