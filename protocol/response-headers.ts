/**
 * The response's status and headers, where known (live capture, `lint URL`, HAR, a scenario), and
 * what in them breaks or buffers a UI message stream (`header-problem`).
 */
import { z } from 'zod';
import type { Severity } from './schemas/report.js';
import { isEventStream } from './event-stream.js';

export const responseInfoSchema = z.object({
  /** The HTTP status; omitted when not known. */
  status: z.number().int().optional(),
  /** Header names in any case. */
  headers: z.record(z.string(), z.string()),
  /**
   * Which headers `headers` can hold. `all` (the default): every header sent, as the network log,
   * a HAR, the CLI and a same-origin page see them. `cors`: a cross-origin response as page script
   * reads it, which shows only the CORS-safelisted headers and those the server exposes
   * (`access-control-expose-headers`), so a header missing here may still have been sent.
   */
  headersVisible: z.enum(['all', 'cors']).optional(),
});
export type ResponseInfo = z.infer<typeof responseInfoSchema>;

export type HeaderProblem = { severity: Severity; message: string };

/** A header's value, its name matched in any case; null when absent. */
export function headerOf(response: ResponseInfo, name: string): string | null {
  for (const [key, value] of Object.entries(response.headers)) if (key.toLowerCase() === name) return value;
  return null;
}

/** The response headers script can read on any CORS response (the CORS-safelisted names). */
const corsSafelisted = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);

/** Whether a header missing from `response` may have been sent all the same (hidden by CORS). */
export function headerMayBeHidden(response: ResponseInfo, name: string): boolean {
  return response.headersVisible === 'cors' && !corsSafelisted.has(name);
}

/** The problems of a response whose body is an event stream, worst first. A header the reader
 * could not see is not judged (a cross-origin page's fetch sees only what CORS exposes). */
export function headerProblems(response: ResponseInfo): HeaderProblem[] {
  const problems: HeaderProblem[] = [];
  if (response.status !== undefined && (response.status < 200 || response.status > 299)) {
    problems.push({
      severity: 'error',
      message: `status ${response.status} with a stream body: DefaultChatTransport throws on a status that is not ok before reading the stream, so useChat shows status "error" with the whole body as its message`,
    });
  }
  const contentType = headerOf(response, 'content-type');
  if (!isEventStream(contentType, null)) {
    const what = contentType === null ? 'no "content-type" header' : `"content-type: ${contentType}"`;
    problems.push({
      severity: 'warning',
      message: `${what}, not "text/event-stream": the client parses the body as SSE anyway, but proxies and compression middleware buffer or compress other types, and EventSource refuses them`,
    });
  }
  const encoding = headerOf(response, 'content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') {
    problems.push({
      severity: 'warning',
      message: `"content-encoding: ${encoding}": a compressed stream is delivered in the compressor's blocks, and servers and proxies often buffer it whole; AI SDK servers send the stream uncompressed`,
    });
  }
  const buffering = headerOf(response, 'x-accel-buffering');
  if (buffering === null ? !headerMayBeHidden(response, 'x-accel-buffering') : buffering.trim().toLowerCase() !== 'no') {
    problems.push({
      severity: 'info',
      message: 'no "x-accel-buffering: no" header: nginx (and proxies that honour it) buffer a response without it, so the stream may arrive in bursts; AI SDK servers send it',
    });
  }
  return problems;
}
