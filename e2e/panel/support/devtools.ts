/**
 * Real DevTools for the repository's own tests: streamscope/playwright's launcher (the one way to
 * open DevTools with the streamscope panel) with this repository's Chromium and extension build.
 */
import { launchDevtools, type DevtoolsBrowser } from '../../../playwright/devtools.js';
import type { Panel } from '../../../playwright/panel-view.js';
import { ensureExtensionBuilt } from '../../extension/browser.js';
import { chromiumArgs, findChromium } from '../../support/chromium.js';

export type { DevtoolsBrowser } from '../../../playwright/devtools.js';
export type { Panel, PanelDetail, PanelRow } from '../../../playwright/panel-view.js';

/** `extraArgs`: more Chromium flags (the mock's Local Network Access override). */
export function launchWithDevtools(extraArgs: readonly string[] = []): Promise<DevtoolsBrowser> {
  ensureExtensionBuilt();
  return launchDevtools({ executablePath: findChromium(), headless: process.env.STREAMSCOPE_HEADED !== '1', args: [...chromiumArgs, ...extraArgs] });
}

/** Opens the panel's settings and sets one of its fields (`setting-client`, `setting-stall`, …) as a user's change would. */
export async function changeSetting(panel: Panel, testId: string, value: string): Promise<void> {
  await panel.evaluate(`document.querySelector('[data-testid=settings-button]').click(), true`);
  await panel.waitFor<boolean>(
    `(() => {
      const field = document.querySelector(${JSON.stringify(`[data-testid=${testId}]`)});
      if (!field) return false;
      field.value = ${JSON.stringify(value)};
      field.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    })()`,
    `the ${testId} setting`,
  );
}
