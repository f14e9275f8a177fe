/**
 * Export and copy the selected stream: its exact bytes (`.sse`), the decode report, HAR 1.2, a
 * scenario that `streamscope serve --scenarios DIR` replays, every listed stream as one HAR, and
 * the request as cURL, `streamscope lint` or `fetch`. Secrets are redacted unless the user reveals
 * them here, for this stream only: the choice is not kept (a new stream starts redacted again).
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { useStore } from '../state/store.js';
import type { StreamEntry } from '../state/stream-entry.js';
import { curlOf, fetchOf, harEntryOf, harFile, lintCommandOf, scenarioOf, sseBytes } from '../view-model/exports.js';
import { copyText, saveFile } from './save.js';

const fileBase = (url: string) => url.replace(/^[a-z]+:\/\//, '').replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 60) || 'stream';

async function harEntryOfEntry(entry: StreamEntry, reveal: boolean) {
  return harEntryOf(entry.meta, (await entry.bytes()) ?? [], entry.endedAt, reveal, entry.truncation?.note ?? null);
}

const copies = new Set(['cURL', 'lint', 'fetch']);

const saveJson = (name: string, value: unknown) => saveFile(name, JSON.stringify(value, null, 2), 'application/json');

export function ExportBar({ entry }: { entry: StreamEntry }) {
  const { visibleStreams } = useStore();
  const [reveal, setReveal] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const base = fileBase(entry.meta.url);

  async function run(label: string, action: () => Promise<void>): Promise<void> {
    await action();
    setDone(label);
  }

  const bytes = async () => (await entry.bytes()) ?? [];
  const actions: [string, string, () => Promise<void>][] = [
    ['.sse', 'The exact bytes of the response', async () => saveFile(`${base}.sse`, sseBytes(await bytes()) as BlobPart, 'text/event-stream')],
    ['report', 'The decode report (JSON): events, summary, findings, message', async () => saveJson(`${base}.report.json`, await entry.report())],
    ['HAR', 'HAR 1.2: the request, the response with its body, and timing', async () => saveJson(`${base}.har`, harFile([await harEntryOfEntry(entry, reveal)]))],
    [
      'scenario',
      'A scenario with the captured status, headers and timing: streamscope serve --scenarios DIR replays it',
      async () => {
        const scenario = scenarioOf(entry.meta, await bytes(), entry.findings, reveal, entry.truncation?.note ?? null);
        saveJson(`${scenario.name}.json`, scenario);
      },
    ],
    [
      'all as HAR',
      'Every stream the list shows (the filter applies) in one HAR 1.2 file',
      async () => saveJson('streamscope.har', harFile(await Promise.all(visibleStreams.peek().map((visible) => harEntryOfEntry(visible.entry, reveal))))),
    ],
    ['cURL', 'Copy the request as a curl command (-N: print as it streams)', () => copyText(curlOf(entry.meta, reveal))],
    ['lint', 'Copy as a streamscope lint command', () => copyText(lintCommandOf(entry.meta, reveal))],
    ['fetch', 'Copy the request as a fetch call', () => copyText(fetchOf(entry.meta, reveal))],
  ];
  // an imported .sse, report or scenario has no request to copy
  const shown = entry.meta.method === '' ? actions.filter(([label]) => !copies.has(label)) : actions;
  return (
    <div class="subbar export-bar" data-testid="export-bar">
      <span class="muted">export</span>
      {shown.map(([label, title, action]) => (
        <Fragment key={label}>
          {label === 'cURL' && <span class="muted">copy</span>}
          <button type="button" class="link-button" title={title} data-testid={`export-${label.replace(/ /g, '-')}`} onClick={() => void run(label, action)}>
            {label}
          </button>
        </Fragment>
      ))}
      <label class="toolbar-check" title="Secret headers (authorization, cookies, API keys) are redacted in every export and copy unless checked (for this stream, not kept)">
        <input type="checkbox" checked={reveal} data-testid="export-reveal" onChange={(event) => setReveal(event.currentTarget.checked)} /> include secrets
      </label>
      {done && <span class="muted" role="status">{done} done</span>}
    </div>
  );
}
