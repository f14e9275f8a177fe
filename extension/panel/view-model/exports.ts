/**
 * What the panel exports of a stream, as pure functions of what it captured: the exact bytes
 * (`.sse`), HAR 1.2, a scenario that `streamscope serve --scenarios DIR` replays with the captured
 * status, headers and timing, and the request as cURL, `streamscope lint` or `fetch`. Secret
 * headers are redacted in every one of them unless revealed.
 */
import packageJson from '../../../package.json' with { type: 'json' };
import { base64Of, harEntry, harOf, joinBytes, utf8OrNull, type Finding, type Har, type HarEntry } from '../../../protocol/index.js';
import type { StreamMeta } from '../../shared/messages.js';
import type { KeptChunk } from '../worker/decode-client.js';
import { isSecretHeader } from './protocol-headers.js';

export const redacted = '[redacted]';

/** Headers with secret values replaced, unless `reveal`. */
export function redactHeaders(headers: Record<string, string>, reveal: boolean): Record<string, string> {
  if (reveal) return { ...headers };
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isSecretHeader(name) ? redacted : value]));
}

/** The captured bytes, joined: the `.sse` file. */
export function sseBytes(chunks: readonly KeptChunk[]): Uint8Array {
  return joinBytes(chunks.map((chunk) => chunk.bytes));
}

/** The stream as a HAR 1.2 entry: request, response with its body, timing; secrets redacted unless `reveal`. */
export function harEntryOf(meta: StreamMeta, chunks: readonly KeptChunk[], endedAt: number | null, reveal = false, truncated: string | null = null): HarEntry {
  return harEntry({
    method: meta.method,
    url: meta.url,
    requestHeaders: redactHeaders(meta.requestHeaders, reveal),
    requestBody: meta.requestBody,
    status: meta.status,
    statusText: meta.statusText,
    responseHeaders: redactHeaders(meta.responseHeaders, reveal),
    startedAt: meta.startedAt,
    ...(meta.requestStartedAt === undefined ? {} : { requestStartedAt: meta.requestStartedAt }),
    truncated,
    chunks,
    endedAt,
  });
}

/** A HAR file of entries, written by this version of streamscope. */
export function harFile(entries: HarEntry[]): Har {
  return harOf(entries, { name: 'streamscope', version: packageJson.version });
}

/** Headers a replay must not copy: the server sets framing and length for the bytes it sends. */
const hopHeaders = new Set(['content-length', 'transfer-encoding', 'connection', 'content-encoding', 'keep-alive', 'date']);

/** A scenario name from a URL's path: lowercase letters, digits and dashes. */
export function scenarioName(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // not a URL: its text is the name
  }
  const name = path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `captured-${name || 'stream'}`.slice(0, 60).replace(/-+$/, '');
}

/**
 * The stream as a scenario: each captured chunk as a `raw` step (the exact bytes, base64 when
 * they are no valid UTF-8 text) after a `delay` of its real gap; the status and headers as
 * captured (secrets redacted unless `reveal`); the findings it produced as `expect`.
 */
export function scenarioOf(meta: StreamMeta, chunks: readonly KeptChunk[], findings: readonly Finding[], reveal = false, truncated: string | null = null) {
  const steps: ({ step: 'delay'; ms: number } | { step: 'raw'; data: string; encoding?: 'base64' })[] = [];
  let last = 0;
  for (const chunk of chunks) {
    if (chunk.at !== null) {
      const ms = Math.max(0, Math.round(chunk.at - last));
      if (ms > 0) steps.push({ step: 'delay', ms });
      last = Math.max(last, chunk.at);
    }
    const text = utf8OrNull(chunk.bytes);
    steps.push(text === null ? { step: 'raw', data: base64Of(chunk.bytes), encoding: 'base64' } : { step: 'raw', data: text });
  }
  if (steps.length === 0) steps.push({ step: 'raw', data: '' });
  const headers = Object.fromEntries(Object.entries(redactHeaders(meta.responseHeaders, reveal)).filter(([name]) => !hopHeaders.has(name.toLowerCase())));
  return {
    name: scenarioName(meta.url),
    description: `Captured by the streamscope panel from ${meta.method.toUpperCase()} ${meta.url}${truncated ? ` — truncated: ${truncated}` : ''}`,
    expect: [...new Set(findings.map((finding) => finding.code))],
    ...(meta.status >= 200 && meta.status <= 599 ? { status: meta.status } : {}),
    headers,
    steps,
  };
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** `curl -N` with the method, headers and body, so the stream prints as it arrives. */
export function curlOf(meta: StreamMeta, reveal = false): string {
  const parts = ['curl', '-N', ...(meta.method.toUpperCase() === 'GET' ? [] : ['-X', meta.method.toUpperCase()]), shellQuote(meta.url)];
  for (const [name, value] of Object.entries(redactHeaders(meta.requestHeaders, reveal))) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (meta.requestBody !== null) parts.push('--data-raw', shellQuote(meta.requestBody));
  return parts.join(' ');
}

/** `streamscope lint URL …` with the same request, to judge the stream again from a terminal. */
export function lintCommandOf(meta: StreamMeta, reveal = false): string {
  const parts = ['npx', 'streamscope', 'lint', shellQuote(meta.url), '--method', meta.method.toUpperCase()];
  for (const [name, value] of Object.entries(redactHeaders(meta.requestHeaders, reveal))) parts.push('--header', shellQuote(`${name}: ${value}`));
  if (meta.requestBody !== null) parts.push('--data', shellQuote(meta.requestBody));
  return parts.join(' ');
}

/** The same request as a `fetch` call for the console. */
export function fetchOf(meta: StreamMeta, reveal = false): string {
  const init: Record<string, unknown> = { method: meta.method.toUpperCase(), headers: redactHeaders(meta.requestHeaders, reveal) };
  if (meta.requestBody !== null) init.body = meta.requestBody;
  return `fetch(${JSON.stringify(meta.url)}, ${JSON.stringify(init, null, 2)});`;
}
