/**
 * Real DevTools for the repository's own tests: streamscope/playwright's launcher (the one way to
 * open DevTools with the streamscope panel) with this repository's Chromium and extension build.
 */
import { launchDevtools, type DevtoolsBrowser } from '../../../playwright/devtools.js';
import { ensureExtensionBuilt } from '../../extension/browser.js';
import { chromiumArgs, findChromium } from '../../support/chromium.js';

export type { DevtoolsBrowser } from '../../../playwright/devtools.js';
export type { Panel, PanelDetail, PanelRow } from '../../../playwright/panel-view.js';

/** `extraArgs`: more Chromium flags (the mock's Local Network Access override). */
export function launchWithDevtools(extraArgs: readonly string[] = []): Promise<DevtoolsBrowser> {
  ensureExtensionBuilt();
  return launchDevtools({ executablePath: findChromium(), headless: process.env.STREAMSCOPE_HEADED !== '1', args: [...chromiumArgs, ...extraArgs] });
}
