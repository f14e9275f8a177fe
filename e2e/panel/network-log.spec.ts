/**
 * The network-log fallback in real DevTools: a stream the page hook never saw (read with the
 * `fetch` a script grabbed before the hook wrapped it, as when a stream starts before the
 * extension is there) is shown from DevTools' network log, whole, marked as having no live timing;
 * a stream the hook did capture is shown once, live, not twice.
 */
import { expect, test } from '@playwright/test';
import { networkLogNoBodyNote, networkLogNote } from '../../extension/devtools/network-log.js';
import { startPanelServer, type PanelServer } from './support/panel-server.js';
import { devtoolsTargets, launchWithDevtools, waitForValue } from './support/devtools.js';

let server: PanelServer;
test.beforeAll(async () => {
  server = await startPanelServer();
});
test.afterAll(async () => {
  await server.close();
});

type Row = { text: string; tag: string | null; state: string | null };

test('the panel shows a stream the hook missed from the network log, and a hooked one once', async () => {
  const { context, extensionId } = await launchWithDevtools();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { unhookedFetch: typeof fetch }).unhookedFetch = window.fetch;
    });
    await page.goto(`${server.base}/chat`);
    expect(await page.evaluate(() => (window as unknown as { unhookedFetch: typeof fetch }).unhookedFetch !== window.fetch)).toBe(true);

    const targets = await devtoolsTargets(context, page);
    const frontEnd = await targets.find((target) => target.type === 'page' && target.title === `DevTools - ${server.base.slice('http://'.length)}/chat`);
    const devtoolsPage = await targets.find((target) => target.parentId === frontEnd && target.url.endsWith('/extension/devtools/devtools.html'));
    await waitForValue(targets, devtoolsPage, `document.readyState === 'complete'`, 'the DevTools page to load');

    await page.evaluate(async () => {
      const read = (fetchWith: typeof fetch, url: string) => fetchWith(url, { method: 'POST', body: '{}' }).then((response) => response.text());
      await read((window as unknown as { unhookedFetch: typeof fetch }).unhookedFetch, '/stream/clean?via=unhooked');
      await read(window.fetch, '/stream/clean?via=hooked');
    });

    await targets.evaluate(frontEnd, `import('./ui/legacy/legacy.js').then((ui) => ui.InspectorView.InspectorView.instance().showPanel('chrome-extension://${extensionId}streamscope')).then(() => true)`);
    const panel = await targets.find((target) => target.parentId === frontEnd && target.url.includes('/extension/panel/panel.html'));
    const rows = await waitForValue<Row[]>(
      targets,
      panel,
      `[...document.querySelectorAll('[data-testid=stream-row]')].map((row) => ({ text: row.textContent, tag: row.querySelector('.tag')?.textContent ?? null, state: row.dataset.state }))`,
      'two ended streams in the panel, one of them hooked',
      (rows) => Array.isArray(rows) && rows.length === 2 && rows.every((row) => row.state === 'finished') && rows.some((row) => row.tag === null),
    );
    const unhooked = rows.find((row) => row.text.includes('via=unhooked'));
    const hooked = rows.find((row) => row.text.includes('via=hooked'));
    expect(unhooked?.tag).toBe('network log');
    expect(hooked?.tag).toBeNull();

    // Hidden frames may not paint, so each check polls rather than waiting for a frame.
    await targets.evaluate(panel, `[...document.querySelectorAll('[data-testid=stream-row]')].find((row) => row.textContent.includes('via=unhooked')).click()`);
    const detail = await waitForValue<{ note: string; events: string; findings: string }>(
      targets,
      panel,
      `(() => {
        const note = document.querySelector('[data-testid=stream-note]');
        return note && {
          note: note.textContent,
          events: document.querySelector('[data-testid=stream-detail] .tab-count')?.textContent ?? '',
          findings: document.querySelector('[data-testid=detail-header] .severity-counts')?.textContent ?? '',
        };
      })()`,
      "the network-log stream's detail",
    );
    // Chrome sometimes keeps no body for a finished SSE response; the panel then lists the stream
    // unjudged, and says so, rather than reporting findings about bytes it never had.
    if (detail.note === networkLogNoBodyNote) expect(detail).toEqual({ note: networkLogNoBodyNote, events: '0', findings: '' });
    else expect(detail).toEqual({ note: networkLogNote, events: '10', findings: '✓' });
    await targets.evaluate(panel, `document.dispatchEvent(new KeyboardEvent('keydown', { key: '4', bubbles: true }))`);
    // The whole page's text on a timeout shows where the panel was instead.
    const timing = await waitForValue<string>(
      targets,
      panel,
      `document.querySelector('[data-testid=timing]')?.textContent ?? 'not on the timing view: ' + document.body.innerText`,
      'the timing view',
      (text) => typeof text === 'string' && !text.startsWith('not on the timing view'),
    );
    expect(timing).toContain('No timing for this stream.');
  } finally {
    await context.close();
  }
});
