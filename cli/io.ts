/**
 * What the CLI reads: a file, standard input or a URL, with errors a person can act on. Every
 * failure here is a `UsageError`, which `main.ts` prints as one line and exits 2 on.
 */
import { readFile, stat } from 'node:fs/promises';

export class UsageError extends Error {}

export type Io = { stdout: (text: string) => void; stderr: (text: string) => void };

export const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

async function readStdin(): Promise<Uint8Array> {
  if (process.stdin.isTTY) throw new UsageError('no input: give a FILE, a URL, or pipe a stream into "-"');
  const parts: Buffer[] = [];
  for await (const part of process.stdin) parts.push(part as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}

async function readLocalFile(path: string, what: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? String(error)})`);
  }
  if (info.isDirectory()) throw new UsageError(`${path}: is a directory, expected ${what} file`);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Rejects input that is not text: an SSE stream (or a JSON file) is UTF-8 without NUL bytes. */
export function assertText(bytes: Uint8Array, name: string, what = 'an SSE stream'): void {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new UsageError(`${name}: binary data (a NUL byte at offset ${nul}), not ${what}`);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${name}: not valid UTF-8, so not ${what}`);
  }
}

/** The bytes of FILE, or of standard input for "-"; `what` the file should hold, for errors. */
export async function readInput(source: string, what = 'an SSE stream'): Promise<{ bytes: Uint8Array; name: string }> {
  const name = source === '-' ? 'standard input' : source;
  const bytes = source === '-' ? await readStdin() : await readLocalFile(source, what);
  assertText(bytes, name, what);
  return { bytes, name };
}

export type RequestOptions = { method?: string; headers: string[]; data?: string };

function parseHeaders(lines: string[]): Headers {
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header "${line}": expected "Name: value"`);
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } catch {
      throw new UsageError(`--header "${line}": not a valid HTTP header`);
    }
  }
  return headers;
}

/** Opens a live stream; a refused connection or an HTTP error status is a usage error. */
export async function openUrl(url: string, request: RequestOptions, signal?: AbortSignal): Promise<Response> {
  const headers = parseHeaders(request.headers);
  if (request.data !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const method = request.method ?? (request.data === undefined ? 'GET' : 'POST');
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: request.data, signal });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    // fetch refuses a fixed list of ports (SMTP, IRC, …) before connecting: say so, not "bad port".
    const explained = reason === 'bad port' ? `fetch refuses to use port ${new URL(url).port}, one of the ports browsers block` : reason;
    throw new UsageError(`${url}: cannot connect (${explained})`);
  }
  if (!response.ok) {
    const body = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
    throw new UsageError(`${url}: the server answered HTTP ${response.status}${body ? `: ${body}` : ''}`);
  }
  if (!response.body) throw new UsageError(`${url}: the response has no body`);
  return response;
}
