/**
 * Where the tests find Chromium, and how they start it on these machines: `CHROMIUM_PATH`, else
 * Debian's `/usr/bin/chromium`, else Playwright's own build. Playwright cannot download browsers
 * here, so where none exists set-up installs Debian's `chromium` with apt-get (as root).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { canInstallWithApt, installDebianPackage } from './debian.js';

const debianChromium = '/usr/bin/chromium';

/**
 * Without these Chromium stalls on the closed network (background fetches, component updates,
 * sync); as root it refuses to start without --no-sandbox.
 */
export const chromiumArgs: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there`);
    return fromEnv;
  }
  if (existsSync(debianChromium)) return debianChromium;
  return playwrightChromium();
}

/** Finds Chromium, installing Debian's package first where none exists and apt-get can. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (!canInstallWithApt()) {
    throw new Error(
      'No Chromium found: set CHROMIUM_PATH, or install Debian\'s "chromium" package (apt-get install chromium).',
    );
  }
  installDebianPackage('chromium', 'Chromium');
  const installed = findChromium();
  if (!installed) throw new Error('apt-get installed "chromium", but /usr/bin/chromium is still missing');
  return installed;
}
