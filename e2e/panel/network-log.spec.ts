/**
 * The network-log fallback in real DevTools: a stream the page hook never saw (read with the
 * `fetch` a script grabbed before the hook wrapped it, as when a stream starts before the
 * extension is there) is shown from DevTools' network log, whole, marked as having no live timing;
 * a stream the hook did capture is shown once, live, not twice.
 */
import { expect, test } from '@playwright/test';
import { networkLogNoBodyNote, networkLogNote } from '../../extension/devtools/network-log.js';
import { startPanelServer, type PanelServer } from './support/panel-server.js';
import { launchWithDevtools } from './support/devtools.js';

let server: PanelServer;
test.beforeAll(async () => {
  server = await startPanelServer();
});
test.afterAll(async () => {
  await server.close();
});

test('the panel shows a stream the hook missed from the network log, and a hooked one once', async () => {
  // Starting Chromium and DevTools takes half a minute on a loaded 2-core machine.
  test.setTimeout(120_000);
  const devtools = await launchWithDevtools();
  try {
    const page = await devtools.context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { unhookedFetch: typeof fetch }).unhookedFetch = window.fetch;
    });
    await page.goto(server.page);
    expect(await page.evaluate(() => (window as unknown as { unhookedFetch: typeof fetch }).unhookedFetch !== window.fetch)).toBe(true);
    // DevTools reads the network log only while it is open: open it before the requests.
    const panel = await devtools.openPanel(page);

    await page.evaluate(async () => {
      const read = (fetchWith: typeof fetch, url: string) => fetchWith(url, { method: 'POST', body: '{}' }).then((response) => response.text());
      await read((window as unknown as { unhookedFetch: typeof fetch }).unhookedFetch, '/api/chat?scenario=clean&via=unhooked');
      await read(window.fetch, '/api/chat?scenario=clean&via=hooked');
    });

    const rows = await panel.waitForRows(
      'two ended streams in the panel, one of them hooked',
      (rows) => rows.length === 2 && rows.every((row) => row.state === 'finished') && rows.some((row) => row.tag === null),
    );
    const unhooked = rows.find((row) => row.text.includes('via=unhooked'));
    const hooked = rows.find((row) => row.text.includes('via=hooked'));
    expect(unhooked?.tag).toBe('network log');
    expect(hooked?.tag).toBeNull();

    await panel.select('via=unhooked');
    // Chrome sometimes keeps no body for a finished SSE response; the panel then lists the stream
    // unjudged, and says so, rather than reporting findings about bytes it never had.
    const expected = (note: string | null) => (note === networkLogNoBodyNote ? { note, events: 0, counts: '' } : { note: networkLogNote, events: 10, counts: '✓' });
    const seen = await panel.waitFor<{ note: string | null; events: number | null; counts: string }>(
      `(() => ({
        note: document.querySelector('[data-testid=stream-note]')?.textContent ?? null,
        events: Number(document.querySelector('[data-testid=stream-detail] .tab-count')?.textContent ?? 'NaN'),
        counts: document.querySelector('[data-testid=detail-header] .severity-counts')?.textContent ?? '',
      }))()`,
      "the network-log stream's detail, decoded",
      (value) => JSON.stringify(value) === JSON.stringify(expected(value.note)),
    );
    expect(seen).toEqual(expected(seen.note));
    await panel.show('timing');
    // The whole page's text on a timeout shows where the panel was instead.
    const timing = await panel.waitFor<string>(
      `document.querySelector('[data-testid=timing]')?.textContent ?? 'not on the timing view: ' + document.body.innerText`,
      'the timing view',
      (text) => typeof text === 'string' && !text.startsWith('not on the timing view'),
    );
    expect(timing).toContain('No timing for this stream.');
  } finally {
    await devtools.close();
  }
});
