/**
 * Firefox for the tests: `FIREFOX_PATH`, else Debian's `firefox-esr` (installed by set-up where
 * missing, as Chromium is), started headless over WebDriver BiDi (puppeteer-core) with the built
 * Firefox extension installed as a temporary add-on.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { geckoId } from '../../extension/firefox/manifest.js';
import { canInstallWithApt, installDebianPackage } from './debian.js';

const debianFirefox = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there`);
    return fromEnv;
  }
  return debianFirefox.find((path) => existsSync(path));
}

/** Finds Firefox, installing Debian's `firefox-esr` first where none exists and apt-get can. */
export function ensureFirefox(): string {
  const found = findFirefox();
  if (found) return found;
  if (!canInstallWithApt()) throw new Error('No Firefox found: set FIREFOX_PATH, or install Debian\'s "firefox-esr" package (apt-get install firefox-esr).');
  installDebianPackage('firefox-esr', 'Firefox');
  const installed = findFirefox();
  if (!installed) throw new Error('apt-get installed "firefox-esr", but /usr/bin/firefox-esr is still missing');
  return installed;
}

/**
 * Firefox gives each add-on a random moz-extension:// host per profile; this pref fixes it, so
 * the extension's pages have a known address.
 */
const extensionUuid = '5f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5';

export type FirefoxWithExtension = {
  browser: Browser;
  /** `moz-extension://<uuid>/`. */
  origin: string;
  /** The pop-out panel (`panel.html?tabId=N`) of the tab showing `pageUrl`, loaded. */
  openPanel(pageUrl: string): Promise<Page>;
  close(): Promise<void>;
};

/**
 * Waits until `page` shows `url`, loaded. BiDi does not report the load of a moz-extension page
 * (it runs in the extension's process), so the page is polled instead.
 */
async function loaded(page: Page, url: string): Promise<void> {
  for (;;) {
    const href = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
    if (href === url) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function launchFirefoxWithExtension(extensionDir: string): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureFirefox(),
    headless: process.env.STREAMSCOPE_HEADED !== '1',
    // lets WebDriver open moz-extension:// pages (refused to automation by default)
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: extensionUuid }) },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${extensionUuid}/`;
  const panelUrl = `${origin}extension/panel/panel.html`;
  return {
    browser,
    origin,
    async openPanel(pageUrl) {
      const panel = await browser.newPage();
      // the navigation is not reported (see loaded()): not awaited, and ended by close()
      panel.goto(panelUrl, { timeout: 0 }).catch(() => {});
      await loaded(panel, panelUrl);
      // an extension page is where the extension's tab ids are known
      const tabId = await panel.evaluate(async (pageUrl) => {
        const { tabs } = (globalThis as unknown as { browser: { tabs: typeof chrome.tabs } }).browser;
        const all = await tabs.query({});
        const tab = all.find((candidate) => candidate.url === pageUrl);
        if (tab?.id === undefined) throw new Error(`no tab shows ${pageUrl} (tabs: ${all.map((candidate) => candidate.url).join(', ')})`);
        return tab.id;
      }, pageUrl);
      const url = `${panelUrl}?tabId=${tabId}`;
      await panel.evaluate((url) => location.replace(url), url);
      await loaded(panel, url);
      return panel;
    },
    close: () => browser.close(),
  };
}
