/**
 * A file dropped on the panel or picked → the streams it holds, as pure functions: `.sse` (the
 * bytes as they are), HAR (each event-stream response, with its request, headers and, when
 * streamscope wrote it, its timing), a decode report (its events' lines, timed) or a scenario (its
 * script played by the protocol's expansion, as `streamscope serve` would send it). Problems come
 * back naming the file and where in it (line, entry, JSON path), never thrown.
 */
import { decodeReportSchema, limits, readHarStreams, uiMessageStreamHeaders } from '../../../protocol/index.js';
import { expandSteps } from '../../../protocol/scenarios/expand.js';
import type { Scenario } from '../../../protocol/scenarios/schema.js';
import { formatProblem, jsonPath, validateScenario } from '../../../protocol/scenarios/validate.js';
import type { StreamMeta } from '../../shared/messages.js';
import type { KeptChunk } from '../worker/decode-client.js';

export type ImportedStream = {
  /** The file, and the entry of a HAR: `session.har#3`. */
  source: string;
  meta: StreamMeta;
  /** False when the file says nothing of the response (`.sse`, a report): no header findings then. */
  headersKnown: boolean;
  /** Null when the file kept no body (a HAR saved without content): listed, not judged. */
  chunks: KeptChunk[] | null;
  /** ms since the response started when it ended, where the file says. */
  endedAt: number | null;
  /** Set when the stream ended broken (a scenario's disconnect): it ends as an error. */
  error?: string;
};

export type ImportResult = { ok: true; streams: ImportedStream[] } | { ok: false; problem: string };

const failed = (problem: string): ImportResult => ({ ok: false, problem });
const encoder = new TextEncoder();

function importedMeta(source: string, startedAt: number, fields: Partial<StreamMeta>, note?: string): StreamMeta {
  return {
    transport: 'fetch',
    url: source,
    method: '',
    requestHeaders: {},
    requestBody: null,
    status: 0,
    statusText: '',
    responseHeaders: {},
    startedAt,
    frameUrl: '',
    bytes: 'wire',
    note: `Imported from ${source}${note ? ` (${note})` : ''}: kept only while this panel is open.`,
    ...fields,
  };
}

/**
 * Where JSON.parse stopped in `text`. V8 says "at position N" for most errors; for an unexpected
 * token it quotes the text around it instead (10 characters either side, "..." where cut).
 */
function jsonErrorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const quoted = /^Unexpected token '([^]+?)', (\.\.\.)?"([^]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  const start = quoted ? text.indexOf(quoted[3]) : -1;
  if (!quoted || start < 0) return text.length;
  return quoted[2] ? start + 10 : start + Math.max(0, quoted[3].indexOf(quoted[1]));
}

function jsonProblem(file: string, text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const before = text.slice(0, jsonErrorOffset(text, message));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const what = message.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/, (\.\.\.)?"[^]*"(\.\.\.)? is not valid JSON$/, '');
  return `${file}: line ${line}, column ${column}: not valid JSON (${what})`;
}

function sseStream(file: string, bytes: Uint8Array, now: number): ImportResult {
  return { ok: true, streams: [{ source: file, meta: importedMeta(file, now, {}), headersKnown: false, chunks: [{ bytes, at: null }], endedAt: null }] };
}

function harStreams(file: string, value: unknown, now: number): ImportResult {
  const har = readHarStreams(value, file);
  if (!har.ok) return failed(har.problem);
  const streams = har.streams.map((stream): ImportedStream => {
    const source = `${file}#${stream.entry}`;
    const last = (stream.chunks ?? []).reduce<number | null>((high, chunk) => (chunk.at === null ? high : Math.max(high ?? 0, chunk.at)), null);
    const meta = importedMeta(source, stream.startedAt ?? now, {
      url: stream.url,
      method: stream.method,
      requestHeaders: stream.requestHeaders,
      requestBody: stream.requestBody === null ? null : stream.requestBody.slice(0, limits.requestBody),
      status: stream.status,
      statusText: stream.statusText,
      responseHeaders: stream.responseHeaders,
      ...(stream.requestStartedAt === null ? {} : { requestStartedAt: stream.requestStartedAt }),
    }, stream.chunks === null ? 'the HAR kept no body: saved without content' : undefined);
    return { source, meta, headersKnown: true, chunks: stream.chunks, endedAt: last };
  });
  return { ok: true, streams };
}

function reportStream(file: string, value: unknown, now: number): ImportResult {
  const parsed = decodeReportSchema.safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return failed(`${file}: ${jsonPath(issue.path)}: not a decode report (${issue.message})`);
  }
  const { events, summary } = parsed.data;
  const chunks = events.map((event) => ({ bytes: encoder.encode(`${event.raw}\n\n`), at: event.at }));
  const kept = events.length < summary.events ? `the report kept ${events.length} of its ${summary.events} events` : 'rebuilt from the report\'s events';
  return { ok: true, streams: [{ source: file, meta: importedMeta(file, now, {}, kept), headersKnown: false, chunks, endedAt: summary.durationMs }] };
}

/**
 * The bytes a scenario's `steps` send, timed, as the mock server plays them. A hold is released at
 * once; a `stall` never ends, so the stream is taken up to it.
 */
function scenarioStream(file: string, scenario: Scenario, now: number): ImportResult {
  const stallAt = scenario.steps.findIndex((step) => step.step === 'stall');
  const steps = stallAt < 0 ? scenario.steps : scenario.steps.slice(0, stallAt);
  const chunks: KeptChunk[] = [];
  let size = 0;
  let endedAt = 0;
  let error: string | undefined;
  for (const action of expandSteps(steps, { dialect: scenario.dialect, seed: scenario.seed })) {
    endedAt = action.at;
    if (action.kind === 'wait-release') continue;
    if (action.kind === 'fail') return failed(`${file}: ${action.reason}`);
    if (action.kind !== 'send') {
      if (action.kind === 'disconnect') error = 'the scenario disconnects here';
      break;
    }
    const bytes = typeof action.bytes === 'string' ? encoder.encode(action.bytes) : action.bytes;
    size += bytes.byteLength;
    if (size > limits.importScenarioBytes) return failed(`${file}: its steps send more than ${limits.importScenarioBytes / 1024 / 1024} MB, more than the panel imports`);
    chunks.push({ bytes, at: action.at });
  }
  const note = stallAt < 0 ? `scenario "${scenario.name}"` : `scenario "${scenario.name}", up to its never-ending stall at $.steps[${stallAt}]`;
  const meta = importedMeta(file, now, { status: scenario.status ?? 200, statusText: '', responseHeaders: { ...uiMessageStreamHeaders, ...scenario.headers } }, note);
  return { ok: true, streams: [{ source: file, meta, headersKnown: true, chunks, endedAt, ...(error ? { error } : {}) }] };
}

function scenarioStreams(file: string, value: unknown, now: number): ImportResult {
  const result = validateScenario(value, file);
  if (!result.ok) {
    const more = result.problems.length > 3 ? ` (and ${result.problems.length - 3} more)` : '';
    return failed(`${result.problems.slice(0, 3).map(formatProblem).join('; ')}${more}`);
  }
  return scenarioStream(file, result.scenario, now);
}

/** Checked before a file is read: a file past the cap is refused unread. */
export function importSizeProblem(name: string, size: number): string | null {
  if (size <= limits.importFileBytes) return null;
  return `${name}: ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${limits.importFileBytes / 1024 / 1024} MB the panel imports`;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The streams in file `name`: `.sse` (and any file that is not JSON) as raw bytes; JSON as a HAR
 * (`log`), a decode report (`events` and `summary`) or a scenario (`steps`). `now` (epoch ms)
 * stands in for a start time the file does not say.
 */
export function readImport(name: string, bytes: Uint8Array, now: number): ImportResult {
  const tooLarge = importSizeProblem(name, bytes.byteLength);
  if (tooLarge) return failed(tooLarge);
  const looksJson = /\.(json|har)$/i.test(name) || /^\s*[{[]/.test(new TextDecoder().decode(bytes.subarray(0, 1024)));
  if (/\.sse$/i.test(name) || !looksJson) return sseStream(name, bytes, now);
  const text = new TextDecoder().decode(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failed(jsonProblem(name, text, error));
  }
  if (/\.har$/i.test(name) || (isObject(value) && 'log' in value)) return harStreams(name, value, now);
  if (isObject(value) && 'events' in value && 'summary' in value) return reportStream(name, value, now);
  if (isObject(value) && 'steps' in value) return scenarioStreams(name, value, now);
  return failed(`${name}: JSON, but neither a HAR ("log"), a decode report ("events" and "summary") nor a scenario ("steps")`);
}
