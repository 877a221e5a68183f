import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (scripts/lib/ensure-chromium.sh installs it), or the one CHROMIUM_PATH names. */
export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!path || !existsSync(path)) {
    throw new Error('No Chromium: run `source scripts/lib/ensure-chromium.sh` or set CHROMIUM_PATH');
  }
  return path;
}

/**
 * Headless Chromium as a test machine can run it: as root it needs --no-sandbox, and with no way out to the
 * internet its background services (updates, sync, QUIC probes) only fill the log with refused connections.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
