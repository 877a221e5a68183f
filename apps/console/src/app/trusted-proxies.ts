import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConsoleConfig } from './console.config';

/** CONSOLE_TRUST_PROXY as Express's `trust proxy` takes it: a hop count is a number, anything else a list. */
export function trustedProxiesOf(setting: string | undefined): number | string | false {
  if (setting === undefined) return false;
  return /^\d+$/.test(setting) ? Number(setting) : setting;
}

/** Behind an ingress every request comes from the proxy: without this, one throttle would cover all operators. */
export function trustProxies(app: NestExpressApplication): void {
  app.set('trust proxy', trustedProxiesOf(app.get(ConsoleConfig).CONSOLE_TRUST_PROXY));
}
