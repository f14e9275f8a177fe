/**
 * The request behind a stream and its response's headers: URL, method, status and timing; the
 * request headers and body (a JSON tree, and a chat body as a short transcript); the response
 * headers, with the protocol's own checked and explained. Secret headers stay hidden unless revealed.
 */
import { useState } from 'preact/hooks';
import type { StreamEntry } from '../state/stream-entry.js';
import { formatClock, formatMs } from '../view-model/format.js';
import { checkProtocolHeaders, isSecretHeader } from '../view-model/protocol-headers.js';
import { transcriptOf } from '../view-model/prompt.js';
import { JsonTree } from './JsonTree.js';

function Headers({ headers, reveal, testId }: { headers: Record<string, string>; reveal: boolean; testId: string }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p class="muted">None captured.</p>;
  return (
    <table class="headers" data-testid={testId}>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th>{name}</th>
            <td>{isSecretHeader(name) && !reveal ? <span class="muted">hidden (secret)</span> : value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Transcript({ body }: { body: unknown }) {
  const transcript = transcriptOf(body);
  if (!transcript) return null;
  return (
    <div class="transcript" data-testid="transcript">
      {transcript.earlier > 0 && <div class="muted">{transcript.earlier} earlier messages</div>}
      {transcript.lines.map((line, position) => (
        <div key={position} class={`transcript-line role-${line.role}`}>
          <span class="transcript-role">{line.role}</span> {line.text}
        </div>
      ))}
    </div>
  );
}

export function RequestView({ entry }: { entry: StreamEntry }) {
  const [reveal, setReveal] = useState(false);
  entry.revision.value;
  const { meta } = entry;
  const protocol = checkProtocolHeaders({ headers: meta.responseHeaders, headersVisible: meta.headersVisible });
  return (
    <div class="request-view" data-testid="request">
      <section>
        <h3>General</h3>
        <table class="headers">
          <tbody>
            <tr><th>URL</th><td>{meta.url}</td></tr>
            <tr><th>method</th><td>{meta.method.toUpperCase()}</td></tr>
            <tr><th>status</th><td>{meta.status === 0 ? '—' : `${meta.status} ${meta.statusText}`}</td></tr>
            <tr><th>started</th><td>{formatClock(meta.startedAt)}</td></tr>
            <tr><th>first chunk</th><td>{formatMs(entry.summary?.firstChunkMs)}</td></tr>
            <tr><th>duration</th><td>{formatMs(entry.endedAt ?? entry.summary?.durationMs)}</td></tr>
            <tr><th>captured by</th><td>{entry.imported ? `imported from ${entry.imported}` : `${meta.transport} (${meta.bytes} bytes)`}</td></tr>
            <tr><th>frame</th><td>{meta.frameUrl}</td></tr>
          </tbody>
        </table>
      </section>
      <section>
        <h3>
          Request headers
          <label class="toolbar-check reveal">
            <input type="checkbox" checked={reveal} onChange={(event) => setReveal(event.currentTarget.checked)} /> show secrets
          </label>
        </h3>
        <Headers headers={meta.requestHeaders} reveal={reveal} testId="request-headers" />
      </section>
      <section>
        <h3>Request body</h3>
        {meta.requestBody === null ? (
          <p class="muted">None captured.</p>
        ) : entry.requestJson === undefined ? (
          <pre class="code-block">{meta.requestBody}</pre>
        ) : (
          <>
            <Transcript body={entry.requestJson} />
            <JsonTree value={entry.requestJson} testId="request-body" />
          </>
        )}
      </section>
      <section>
        <h3>Response headers</h3>
        <table class="headers protocol-headers" data-testid="protocol-headers">
          <tbody>
            {protocol.map((header) => (
              <tr key={header.name} class={header.matches ? 'ok' : 'off'} data-testid="protocol-header">
                <th>{header.name}</th>
                <td>
                  {header.hidden ? (
                    <span class="muted">not visible to the page: a cross-origin response shows script only the headers CORS exposes</span>
                  ) : (
                    <>
                      <span class={header.matches ? 'check-ok' : 'check-off'}>{header.matches ? '✓' : '✗'}</span>{' '}
                      {header.value ?? <span class="muted">absent</span>}
                    </>
                  )}
                  {!header.matches && <span class="muted"> (AI SDK servers send {header.expected === null ? 'none' : `"${header.expected}"`})</span>}
                  <div class="muted why">{header.why}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Headers headers={meta.responseHeaders} reveal={reveal} testId="response-headers" />
      </section>
    </div>
  );
}
