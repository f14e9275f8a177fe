/**
 * HAR input (`lint capture.har`, as DevTools' "Save all as HAR with content" or the streamscope
 * panel writes it): each response in it that is an event stream becomes one input, named
 * `FILE#N METHOD URL`, decoded with the status and headers the HAR kept, so `header-problem` works
 * as for a URL. Reading is `protocol/har.ts`, shared with the panel.
 */
import { joinBytes, readHarStreams as readHar, type ResponseInfo } from '../protocol/index.js';
import { readInput, UsageError } from './io.js';

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
  const har = readHar(value, name);
  if (!har.ok) throw new UsageError(har.problem);
  return har.streams.map((stream) => ({
    name: `${name}#${stream.entry} ${stream.method} ${stream.url}`,
    file: path,
    body: stream.chunks && joinBytes(stream.chunks.map((chunk) => chunk.bytes)),
    response: { status: stream.status, headers: stream.responseHeaders },
  }));
}
