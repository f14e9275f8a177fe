/**
 * Chromium with the streamscope extension loaded, and DevTools opened on a page with the
 * streamscope panel selected: the one way the tests (and users who want to watch) open real
 * DevTools with the panel. DevTools is opened on demand (`Target.openDevTools`), so a page can
 * start streams before its DevTools exists.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { defaultDevtoolsTimeoutMs, devtoolsTargets, type DevtoolsTargets } from './devtools-targets.js';
import { extensionDir } from './extension-dir.js';
import { panelView, type Panel } from './panel-view.js';

export type DevtoolsLaunchOptions = {
  executablePath?: string;
  channel?: string;
  /** Default true: new headless Chromium runs extensions and DevTools. */
  headless?: boolean;
  args?: readonly string[];
  /**
   * How long each wait for DevTools, the panel or what it shows may take before it fails saying
   * what it waited for (default 30 s); keep it below the test's timeout.
   */
  timeoutMs?: number;
};

export type DevtoolsBrowser = {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** Opens DevTools on `page` with the streamscope panel selected; returns a reader of the panel. */
  openPanel(page: Page): Promise<Panel>;
  close(): Promise<void>;
};

/** The panel's id in DevTools' inspector view: the extension's origin followed by the panel title. */
const panelId = (extensionId: string) => `chrome-extension://${extensionId}streamscope`;

async function targetIdOf(context: BrowserContext, page: Page): Promise<string> {
  const session = await context.newCDPSession(page);
  try {
    const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
    return targetInfo.targetId;
  } finally {
    await session.detach();
  }
}

async function selectPanel(targets: DevtoolsTargets, frontEnd: string, extensionId: string): Promise<string> {
  const devtoolsPage = await targets.find((target) => target.parentId === frontEnd && target.url.endsWith('/extension/devtools/devtools.html'), "streamscope's DevTools page");
  await targets.waitFor(devtoolsPage, `document.readyState === 'complete'`, "streamscope's DevTools page to load");
  // The panel is added once the DevTools page ran: until then showing it does nothing.
  await targets.waitFor(
    frontEnd,
    `import('./ui/legacy/legacy.js').then(async (ui) => { await ui.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(panelId(extensionId))}); return true; })`,
    'the streamscope panel in DevTools',
  );
  return targets.find((target) => target.parentId === frontEnd && target.url.includes('/extension/panel/panel.html'), 'the streamscope panel frame');
}

export async function launchDevtools(options: DevtoolsLaunchOptions = {}): Promise<DevtoolsBrowser> {
  const dir = extensionDir();
  const context = await chromium.launchPersistentContext('', {
    executablePath: options.executablePath,
    channel: options.channel,
    headless: options.headless ?? true,
    args: [...(options.args ?? []), `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const browser = context.browser();
    if (!browser) throw new Error('[streamscope] this Playwright gives no browser for a persistent context: DevTools cannot be opened');
    const session: CDPSession = await browser.newBrowserCDPSession();
    const targets = devtoolsTargets(session, options.timeoutMs ?? defaultDevtoolsTimeoutMs);
    return {
      context,
      extensionId,
      async openPanel(page) {
        const { targetId: frontEnd } = (await session.send('Target.openDevTools', { targetId: await targetIdOf(context, page) })) as { targetId: string };
        return panelView(targets, await selectPanel(targets, frontEnd, extensionId), frontEnd);
      },
      close: () => context.close(),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}
