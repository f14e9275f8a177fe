/**
 * Decodes one input of `decode` or `lint` — a file, standard input or a live URL — piece by piece,
 * keeping no event records: whoever prints them gets each one as it is decoded (`onRecord`) and
 * may wait for standard output between pieces (`afterPiece`), so memory stays bounded however
 * long the input. A live response is timed, ticked (so a stall shows) and ended by `--timeout`.
 */
import { continuedMessage, createDecoder, type DecodeReport, type DecoderOptions, type EventRecord, type Finding } from '../protocol/index.js';
import type { HarStream } from './har.js';
import { isUrl, sourceName, streamInput, UsageError, type Io } from './io.js';
import { createLineCounter } from './line-pieces.js';
import { openLive, type RequestOptions } from './live.js';

export type SourceOptions = Pick<DecoderOptions, 'dialect' | 'client' | 'stallMs' | 'message' | 'schemas'> & {
  command: string;
  request: RequestOptions;
  timeoutMs: number;
  /** Feed the decoder a file line by line, so each finding's line in it is known. */
  lines?: boolean;
  onRecord?: (record: EventRecord) => void;
  onFinding?: (finding: Finding) => void;
  afterPiece?: () => Promise<void> | void;
};

export type Decoded = {
  name: string;
  /** The file to annotate: the input's path, or the HAR that kept the response. */
  file: string;
  report: DecodeReport;
  /** The input line of the event a finding names (with `lines`), else null. */
  lineOf(finding: Finding): number | null;
};

const tickMs = 250;

/** What one input is: a file, "-" or a URL, or a response kept in a HAR. */
export type Input = string | HarStream;

export const inputName = (input: Input): string => (typeof input === 'string' ? sourceName(input) : input.name);

async function* harBody(stream: HarStream): AsyncGenerator<Uint8Array> {
  if (stream.body === null) throw new UsageError(`${stream.name}: the HAR kept no body for this response (save it "with content")`);
  yield stream.body;
}

export async function decodeSource(input: Input, options: SourceOptions, io: Io): Promise<Decoded> {
  const name = inputName(input);
  const live = typeof input === 'string' && isUrl(input) ? await openLive(input, options.request, options.timeoutMs) : null;
  // Lines are a file's own: not a URL's (its reads are timed as they came) nor a HAR body's.
  const counter = options.lines && typeof input === 'string' && !live ? createLineCounter() : null;
  // Lines of the events findings name, kept only for those (findings are capped per code).
  const lines = new Map<number, number>();
  let last = { index: -1, line: 0 };
  const decoder = createDecoder({
    dialect: options.dialect,
    client: options.client,
    stallMs: options.stallMs,
    schemas: options.schemas,
    response: live?.info ?? (typeof input === 'string' ? undefined : input.response),
    // Posting a chat whose last message is the assistant's continues it, as useChat does.
    message: options.message ?? (live ? continuedMessage(options.request.data) : undefined),
    onRecord(record) {
      if (counter) {
        const rawLines = record.kind === 'comment' ? 1 : record.raw.split('\n').length;
        // An event is dispatched on the blank line after its fields.
        last = { index: record.index, line: counter.line() - (record.kind === 'comment' ? 0 : rawLines) };
      }
      options.onRecord?.(record);
    },
    onFinding(finding) {
      if (counter && finding.event !== null && finding.event === last.index) lines.set(finding.event, last.line);
      options.onFinding?.(finding);
    },
  });
  const ticker = live ? setInterval(() => decoder.tick(live.elapsed()), tickMs) : null;
  const at = (): number | null => (live ? live.elapsed() : null);
  try {
    for await (const piece of live ? live.body : typeof input === 'string' ? streamInput(input) : harBody(input)) {
      if (counter) for (const line of counter.split(piece)) decoder.push(line, at());
      else decoder.push(piece, at());
      await options.afterPiece?.();
    }
  } finally {
    if (ticker) clearInterval(ticker);
  }
  const ending = live?.ending();
  if (ending === 'timeout') io.stderr(`streamscope ${options.command}: ${name}: stopped after ${options.timeoutMs / 1000} s (--timeout); the stream was still open\n`);
  if (ending === 'disconnect') io.stderr(`streamscope ${options.command}: ${name}: the connection broke before the stream ended\n`);
  const report = decoder.end(at());
  return { name, file: typeof input === 'string' ? name : input.file, report, lineOf: (finding) => (finding.event === null ? null : (lines.get(finding.event) ?? null)) };
}
