// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from '../state/store.js';
import { capture, renderInStore, textAnswer } from '../test-support/panel-render.js';
import { ExportBar } from './ExportBar.js';

const secret = 'Bearer sk-live-123';

/** What the bar saved (name and content) and copied, caught where the browser would take over. */
let saved: { name: string; blob: Blob }[];
let copied: string[];

beforeEach(() => {
  saved = [];
  copied = [];
  let blob: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
    blob = object as Blob;
    return 'blob:export';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blob! });
  });
  vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => void copied.push(text));
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function showExports(method = 'POST') {
  const store = createStore();
  const entry = capture(store, 's1', [{ at: 5, chunks: textAnswer(['Hi']) }], {
    done: true,
    end: { at: 10, outcome: 'complete' },
    meta: { method, requestHeaders: { authorization: secret }, requestBody: '{"messages":[]}' },
  });
  return renderInStore(<ExportBar entry={entry} />, store);
}

const items = () => [...screen.getByTestId('export-bar').querySelectorAll('button')].map((button) => button.textContent);

describe('ExportBar', () => {
  it('offers every export and copy; an imported stream without a request offers no copies', () => {
    showExports();
    expect(items()).toEqual(['.sse', 'report', 'HAR', 'scenario', 'all as HAR', 'cURL', 'lint', 'fetch']);
    cleanup();
    showExports('');
    expect(items()).toEqual(['.sse', 'report', 'HAR', 'scenario', 'all as HAR']);
  });

  it('saves the decode report and the exact bytes under the stream’s name, and says it is done', async () => {
    showExports();
    fireEvent.click(screen.getByTestId('export-report'));
    expect((await screen.findByRole('status')).textContent).toBe('report done');
    fireEvent.click(screen.getByTestId('export-.sse'));
    expect((await screen.findByText('.sse done')).textContent).toBe('.sse done');
    expect(saved.map(({ name }) => name)).toEqual(['127.0.0.1_8787_api_chat.report.json', '127.0.0.1_8787_api_chat.sse']);
    const report = JSON.parse(await saved[0].blob.text());
    expect(report.events.map((event: { type: string }) => event.type)).toContain('text-delta');
    expect(await saved[1].blob.text()).toContain('data: [DONE]');
  });

  it('redacts secrets in copies and HAR unless the user includes them', async () => {
    showExports();
    fireEvent.click(screen.getByTestId('export-cURL'));
    await screen.findByText('cURL done');
    expect(copied[0]).toContain('[redacted]');
    expect(copied[0]).not.toContain(secret);

    fireEvent.click(screen.getByTestId('export-reveal'));
    fireEvent.click(screen.getByTestId('export-HAR'));
    await screen.findByText('HAR done');
    expect(await saved[0].blob.text()).toContain(secret);
  });
});
