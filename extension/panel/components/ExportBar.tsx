/**
 * Export and copy the selected stream: its exact bytes (`.sse`), the decode report, a scenario
 * that `streamscope serve --scenarios DIR` replays, and the request as cURL, `streamscope lint`
 * or `fetch`. Secrets are redacted unless the user reveals them here.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { StreamEntry } from '../state/stream-entry.js';
import { curlOf, fetchOf, lintCommandOf, scenarioOf, sseBytes } from '../view-model/exports.js';
import { copyText, saveFile } from './save.js';

export function ExportBar({ entry }: { entry: StreamEntry }) {
  const [reveal, setReveal] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const base = entry.meta.url.replace(/^[a-z]+:\/\//, '').replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 60);

  async function run(label: string, action: () => Promise<void>): Promise<void> {
    await action();
    setDone(label);
  }

  const bytes = async () => (await entry.bytes()) ?? [];
  const actions: [string, string, () => Promise<void>][] = [
    ['.sse', 'The exact bytes of the response', async () => saveFile(`${base}.sse`, sseBytes(await bytes()) as BlobPart, 'text/event-stream')],
    ['report', 'The decode report (JSON): events, summary, findings, message', async () => saveFile(`${base}.report.json`, JSON.stringify(await entry.report(), null, 2), 'application/json')],
    [
      'scenario',
      'A scenario with the captured status, headers and timing: streamscope serve --scenarios DIR replays it',
      async () => {
        const scenario = scenarioOf(entry.meta, await bytes(), entry.findings, reveal);
        saveFile(`${scenario.name}.json`, JSON.stringify(scenario, null, 2), 'application/json');
      },
    ],
    ['cURL', 'Copy the request as a curl command (-N: print as it streams)', () => copyText(curlOf(entry.meta, reveal))],
    ['lint', 'Copy as a streamscope lint command', () => copyText(lintCommandOf(entry.meta, reveal))],
    ['fetch', 'Copy the request as a fetch call', () => copyText(fetchOf(entry.meta, reveal))],
  ];
  return (
    <div class="subbar export-bar" data-testid="export-bar">
      <span class="muted">export</span>
      {actions.map(([label, title, action], position) => (
        <Fragment key={label}>
          {position === 3 && <span class="muted">copy</span>}
          <button type="button" class="link-button" title={title} data-testid={`export-${label}`} onClick={() => void run(label, action)}>
            {label}
          </button>
        </Fragment>
      ))}
      <label class="toolbar-check" title="Secret headers (authorization, cookies, API keys) are redacted unless checked">
        <input type="checkbox" checked={reveal} data-testid="export-reveal" onChange={(event) => setReveal(event.currentTarget.checked)} /> include secrets
      </label>
      {done && <span class="muted" role="status">{done} done</span>}
    </div>
  );
}
