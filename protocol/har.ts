/**
 * HAR 1.2 (the HTTP Archive format DevTools saves) for event streams, both ways: `harEntry` writes
 * one captured stream as an entry (request, response with its body, timings), `readHarStreams`
 * reads every event-stream response of a HAR that DevTools, Firefox or streamscope wrote. The CLI
 * (`lint file.har`) and the panel (export, import) share it.
 *
 * A HAR has no place for when each piece of a body arrived; streamscope keeps it in the custom
 * entry field `_chunks` (`[ms since the response started or null, bytes]` per piece, in order), so
 * a HAR it wrote replays with its timing. Other writers' HARs read as untimed.
 */
import { z } from 'zod';
import { base64Of, bytesOfBase64, joinBytes, utf8OrNull } from './bytes.js';
import { isEventStream, uiMessageStreamHeader } from './event-stream.js';

const nameValue = z.object({ name: z.string(), value: z.string() });
/** `[at, bytes]`: when a piece of the body arrived (ms since the response started, or null) and its size. */
const chunkTiming = z.tuple([z.number().nonnegative().nullable(), z.number().int().nonnegative()]);

/** What streamscope writes: the HAR 1.2 fields every entry must have, and the body's timing. */
export const harEntrySchema = z.object({
  startedDateTime: z.string(),
  time: z.number(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    httpVersion: z.string(),
    cookies: z.array(nameValue),
    headers: z.array(nameValue),
    queryString: z.array(nameValue),
    postData: z.object({ mimeType: z.string(), text: z.string() }).optional(),
    headersSize: z.number(),
    bodySize: z.number(),
  }),
  response: z.object({
    status: z.number(),
    statusText: z.string(),
    httpVersion: z.string(),
    cookies: z.array(nameValue),
    headers: z.array(nameValue),
    content: z.object({ size: z.number(), mimeType: z.string(), text: z.string().optional(), encoding: z.literal('base64').optional() }),
    redirectURL: z.string(),
    headersSize: z.number(),
    bodySize: z.number(),
  }),
  cache: z.object({}),
  timings: z.object({
    blocked: z.number(),
    dns: z.number(),
    connect: z.number(),
    send: z.number(),
    wait: z.number(),
    receive: z.number(),
    comment: z.string().optional(),
  }),
  /** What the capture did not keep (a budget cut the stream short), in words. */
  comment: z.string().optional(),
  _chunks: z.array(chunkTiming).optional(),
  /** ms from the request sent (`startedDateTime`) to the response's headers, which `_chunks` count from. */
  _headersAfter: z.number().optional(),
});
export type HarEntry = z.infer<typeof harEntrySchema>;

export const harSchema = z.object({
  log: z.object({ version: z.literal('1.2'), creator: z.object({ name: z.string(), version: z.string() }), entries: z.array(harEntrySchema) }),
});
export type Har = z.infer<typeof harSchema>;

/** What reading needs of any writer's HAR: other tools leave out much of what 1.2 requires. */
const harInputSchema = z.object({
  log: z.object({
    entries: z.array(
      z.object({
        startedDateTime: z.string().optional(),
        request: z.object({
          method: z.string(),
          url: z.string(),
          headers: z.array(nameValue).optional(),
          postData: z.object({ text: z.string().optional() }).optional(),
        }),
        response: z.object({
          status: z.number(),
          statusText: z.string().optional(),
          headers: z.array(nameValue),
          content: z.object({ mimeType: z.string().optional(), text: z.string().optional(), encoding: z.string().optional() }),
        }),
        _chunks: z.unknown().optional(),
        _headersAfter: z.unknown().optional(),
      }),
    ),
  }),
});

/** A request and its response, as a HAR entry holds them and a capture knows them. */
export type HarExchange = {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  status: number;
  statusText: string;
  responseHeaders: Record<string, string>;
};

/** One captured stream, as the panel holds it: enough for an entry. */
export type HarStreamInput = HarExchange & {
  /** Epoch ms when the response's headers arrived. */
  startedAt: number;
  /** Epoch ms when the request was sent, where the capture saw it. */
  requestStartedAt?: number;
  /** Why the body is cut short (a capture budget), where it is. */
  truncated?: string | null;
  /** The body as it arrived, each piece with its ms since the response started (null: unknown). */
  chunks: readonly { bytes: Uint8Array; at: number | null }[];
  /** ms since the response started when it ended, null when unknown. */
  endedAt: number | null;
};

const headerList = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => ({ name, value }));

function headerOf(headers: Record<string, string>, name: string): string | null {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return null;
}

function queryOf(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/**
 * A stream as a HAR 1.2 entry. `startedDateTime` is when the request was sent where the capture saw
 * it, else when the response's headers arrived; `wait` runs from it to the first body bytes,
 * `receive` from those to the end; what is unknown is -1, as HAR 1.2 says. `_chunks` times each
 * piece from the headers, `_headersAfter` places the headers after the request.
 */
export function harEntry(stream: HarStreamInput): HarEntry {
  const body = joinBytes(stream.chunks.map((chunk) => chunk.bytes));
  const text = utf8OrNull(body);
  // reduced, not spread: a stream's pieces can outnumber what a call takes as arguments
  const times = stream.chunks.map((chunk) => chunk.at).filter((at): at is number => at !== null);
  const wait = times.length > 0 ? times.reduce((low, at) => Math.min(low, at)) : 0;
  const end = times.reduce((high, at) => Math.max(high, at), Math.max(stream.endedAt ?? 0, wait));
  const receive = end - wait;
  // a send time after the headers (clocks of two contexts) is no send time
  const headersAfter = stream.requestStartedAt !== undefined && stream.requestStartedAt <= stream.startedAt ? stream.startedAt - stream.requestStartedAt : null;
  const mimeType = headerOf(stream.responseHeaders, 'content-type') ?? 'text/event-stream';
  const requestType = headerOf(stream.requestHeaders, 'content-type') ?? 'application/octet-stream';
  return {
    startedDateTime: new Date(stream.startedAt - (headersAfter ?? 0)).toISOString(),
    time: (headersAfter ?? 0) + wait + receive,
    ...(stream.truncated ? { comment: `streamscope: truncated — ${stream.truncated}` } : {}),
    request: {
      method: stream.method.toUpperCase(),
      url: stream.url,
      httpVersion: '',
      cookies: [],
      headers: headerList(stream.requestHeaders),
      queryString: queryOf(stream.url),
      ...(stream.requestBody === null ? {} : { postData: { mimeType: requestType, text: stream.requestBody } }),
      headersSize: -1,
      bodySize: stream.requestBody === null ? 0 : new TextEncoder().encode(stream.requestBody).byteLength,
    },
    response: {
      status: stream.status,
      statusText: stream.statusText,
      httpVersion: '',
      cookies: [],
      headers: headerList(stream.responseHeaders),
      content: { size: body.byteLength, mimeType, ...(text === null ? { text: base64Of(body), encoding: 'base64' as const } : { text }) },
      redirectURL: '',
      headersSize: -1,
      bodySize: body.byteLength,
    },
    cache: {},
    timings: {
      blocked: -1,
      dns: -1,
      connect: -1,
      send: 0,
      wait: (headersAfter ?? 0) + wait,
      receive,
      comment: headersAfter === null
        ? 'streamscope: timed from when the response headers arrived (the request\'s send time was not captured); _chunks has when each piece of the body arrived'
        : 'streamscope: timed from when the page sent the request; _chunks has when each piece of the body arrived, from the response headers (_headersAfter)',
    },
    _chunks: stream.chunks.map((chunk) => [chunk.at, chunk.bytes.byteLength]),
    ...(headersAfter === null ? {} : { _headersAfter: headersAfter }),
  };
}

export function harOf(entries: HarEntry[], creator: { name: string; version: string }): Har {
  return { log: { version: '1.2', creator, entries } };
}

/** An event-stream response read from a HAR; response header names in lower case, HTTP/2 pseudo-headers (`:status`) left out. */
export type HarStream = HarExchange & {
  /** Its place in `log.entries`. */
  entry: number;
  /** Epoch ms when the response's headers arrived: `startedDateTime` (when the request was sent)
   * plus streamscope's `_headersAfter`, or `startedDateTime` alone from other writers. */
  startedAt: number | null;
  /** Epoch ms when the request was sent, where the HAR says (`startedDateTime`, as HAR 1.2 means it). */
  requestStartedAt: number | null;
  /** The body's pieces as they arrived (one untimed piece unless the HAR kept `_chunks`); null: the HAR kept no body. */
  chunks: { bytes: Uint8Array; at: number | null }[] | null;
};

export type HarReading = { ok: true; streams: HarStream[]; entries: number } | { ok: false; problem: string };

/** `_chunks` when it describes exactly these bytes; else the body as one untimed piece. */
function piecesOf(body: Uint8Array, timing: unknown): { bytes: Uint8Array; at: number | null }[] {
  const parsed = z.array(chunkTiming).safeParse(timing);
  if (!parsed.success || parsed.data.reduce((sum, [, size]) => sum + size, 0) !== body.byteLength) return [{ bytes: body, at: null }];
  let offset = 0;
  return parsed.data.map(([at, size]) => {
    // a copy, not a view: each piece can be handed over (transferred) on its own
    const bytes = body.slice(offset, offset + size);
    offset += size;
    return { bytes, at };
  });
}

function bodyOf(content: { text?: string; encoding?: string }, where: string): Uint8Array | null | string {
  if (content.text === undefined) return null;
  if (content.encoding !== 'base64') return new TextEncoder().encode(content.text);
  try {
    return bytesOfBase64(content.text);
  } catch {
    return `${where}.response.content.text: encoding is base64, but the text is not base64`;
  }
}

/**
 * Every event-stream response of a parsed HAR (`value`), in order, each with what it was answered
 * with. Problems are returned naming `file` and the entry, never thrown.
 */
export function readHarStreams(value: unknown, file: string): HarReading {
  const har = harInputSchema.safeParse(value);
  if (!har.success) {
    const [issue] = har.error.issues;
    return { ok: false, problem: `${file}: not a HAR (${issue.path.join('.') || '(root)'}: ${issue.message})` };
  }
  const { entries } = har.data.log;
  const streams: HarStream[] = [];
  for (const [index, { startedDateTime, request, response, _chunks, _headersAfter }] of entries.entries()) {
    const responseHeaders = Object.fromEntries(response.headers.filter((header) => !header.name.startsWith(':')).map((header) => [header.name.toLowerCase(), header.value]));
    // The MIME type stands in for a content type the HAR did not keep, as in the extension.
    if (!isEventStream(responseHeaders['content-type'] ?? response.content.mimeType ?? null, responseHeaders[uiMessageStreamHeader] ?? null)) continue;
    const body = bodyOf(response.content, `${file}: log.entries[${index}]`);
    if (typeof body === 'string') return { ok: false, problem: body };
    const started = startedDateTime === undefined ? NaN : Date.parse(startedDateTime);
    const headersAfter = typeof _headersAfter === 'number' && Number.isFinite(_headersAfter) && _headersAfter >= 0 ? _headersAfter : 0;
    streams.push({
      entry: index,
      method: request.method,
      url: request.url,
      requestHeaders: Object.fromEntries((request.headers ?? []).filter((header) => !header.name.startsWith(':')).map((header) => [header.name, header.value])),
      requestBody: request.postData?.text ?? null,
      status: response.status,
      statusText: response.statusText ?? '',
      responseHeaders,
      startedAt: Number.isFinite(started) ? started + headersAfter : null,
      requestStartedAt: Number.isFinite(started) ? started : null,
      chunks: body === null ? null : piecesOf(body, _chunks),
    });
  }
  if (streams.length === 0) return { ok: false, problem: `${file}: no event-stream response among its ${entries.length} entries` };
  return { ok: true, streams, entries: entries.length };
}
