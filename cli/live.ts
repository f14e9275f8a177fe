/**
 * A live response read by `lint URL`, `decode URL` and `record URL`. The `--timeout` deadline
 * starts before connecting, so it covers the connection and the response headers as well as the
 * body: a server that never answers is given up on when the user said, not fetch's own 300 s.
 */
import { isEventStream, uiMessageStreamHeader, type ResponseInfo } from '../protocol/index.js';
import { UsageError } from './io.js';

export type RequestOptions = { method?: string; headers: string[]; data?: string };

export type Live = {
  response: Response;
  /** The status and headers, for the decoder's `header-problem` and `wrong-protocol` checks. */
  info: ResponseInfo;
  /** The body, piece by piece; ends early (without an error) when the deadline passes. */
  body: AsyncIterable<Uint8Array>;
  /** How the body ended so far: it closed, the deadline passed, or the connection broke. */
  ending(): 'closed' | 'timeout' | 'disconnect';
  /** Stops reading now (a cap was reached) and frees the connection. */
  stop(): void;
  /** Ms since the request started. */
  elapsed(): number;
};

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

export const requestMethod = (request: RequestOptions): string => request.method ?? (request.data === undefined ? 'GET' : 'POST');

/**
 * Opens a live stream; a refused connection or no answer in time is a usage error. A response
 * with an error status is read like any other (what it is, and its status, are findings), unless
 * `refuseErrors`: then one whose body is not an event stream is a usage error quoting the body.
 */
export async function openLive(url: string, request: RequestOptions, timeoutMs: number, refuseErrors = false): Promise<Live> {
  const headers = parseHeaders(request.headers);
  if (request.data !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const controller = new AbortController();
  const started = performance.now();
  let timedOut = false;
  let broke = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { method: requestMethod(request), headers, body: request.data, signal: controller.signal });
  } catch (error) {
    clearTimeout(timer);
    if (timedOut) throw new UsageError(`${url}: no response within ${timeoutMs / 1000} s (--timeout)`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    // fetch refuses a fixed list of ports (SMTP, IRC, …) before connecting: say so, not "bad port".
    const explained = reason === 'bad port' ? `fetch refuses to use port ${new URL(url).port}, one of the ports browsers block` : reason;
    throw new UsageError(`${url}: cannot connect (${explained})`);
  }
  if (refuseErrors && !response.ok && !isEventStream(response.headers.get('content-type'), response.headers.get(uiMessageStreamHeader))) {
    clearTimeout(timer);
    const body = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
    throw new UsageError(`${url}: the server answered HTTP ${response.status}${body ? `: ${body}` : ''}`);
  }
  if (!response.body) {
    clearTimeout(timer);
    throw new UsageError(`${url}: the response has no body`);
  }
  const stream = response.body;
  async function* body(): AsyncGenerator<Uint8Array> {
    try {
      for await (const piece of stream as unknown as AsyncIterable<Uint8Array>) yield piece;
    } catch {
      if (!controller.signal.aborted) broke = true;
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    response,
    info: { status: response.status, headers: Object.fromEntries(response.headers) },
    body: body(),
    ending: () => (timedOut ? 'timeout' : broke ? 'disconnect' : 'closed'),
    stop: () => {
      clearTimeout(timer);
      controller.abort();
    },
    elapsed: () => performance.now() - started,
  };
}
