/**
 * HAR input (`lint capture.har`, as DevTools' "Save all as HAR with content" writes it): each
 * response in it that is an event stream becomes one input, named `FILE#N METHOD URL`, decoded
 * with the status and headers the HAR kept, so `header-problem` works as for a URL. A HAR keeps
 * no arrival times, so its events are untimed.
 */
import { z } from 'zod';
import { isEventStream, uiMessageStreamHeader, type ResponseInfo } from '../protocol/index.js';
import { readInput, UsageError } from './io.js';

const harSchema = z.object({
  log: z.object({
    entries: z.array(
      z.object({
        request: z.object({ method: z.string(), url: z.string() }),
        response: z.object({
          status: z.number(),
          headers: z.array(z.object({ name: z.string(), value: z.string() })),
          content: z.object({ mimeType: z.string().optional(), text: z.string().optional(), encoding: z.string().optional() }),
        }),
      }),
    ),
  }),
});

export type HarStream = {
  /** `FILE#N METHOD URL` */
  name: string;
  /** The HAR file's path. */
  file: string;
  /** The body as the HAR kept it; null when it kept none (saved without content). */
  body: Uint8Array | null;
  response: ResponseInfo;
};

export const isHar = (source: string): boolean => /\.har$/i.test(source);

export async function readHarStreams(path: string): Promise<HarStream[]> {
  const { bytes, name } = await readInput(path, 'a HAR');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new UsageError(`${name}: not JSON, so not a HAR (${(error as Error).message})`);
  }
  const har = harSchema.safeParse(value);
  if (!har.success) {
    const [issue] = har.error.issues;
    throw new UsageError(`${name}: not a HAR (${issue.path.join('.') || '(root)'}: ${issue.message})`);
  }
  const streams = har.data.log.entries.flatMap(({ request, response }, index) => {
    // HTTP/2 pseudo-headers (`:status`) are DevTools' view of the wire, not response headers.
    const headers = Object.fromEntries(response.headers.filter((header) => !header.name.startsWith(':')).map((header) => [header.name.toLowerCase(), header.value]));
    // The MIME type stands in for a content type the HAR did not keep, as in the extension.
    if (!isEventStream(headers['content-type'] ?? response.content.mimeType ?? null, headers[uiMessageStreamHeader] ?? null)) return [];
    const { text, encoding } = response.content;
    const body = text === undefined ? null : encoding === 'base64' ? new Uint8Array(Buffer.from(text, 'base64')) : new TextEncoder().encode(text);
    return [{ name: `${name}#${index} ${request.method} ${request.url}`, file: path, body, response: { status: response.status, headers } }];
  });
  if (streams.length === 0) throw new UsageError(`${name}: no event-stream response among its ${har.data.log.entries.length} entries`);
  return streams;
}
