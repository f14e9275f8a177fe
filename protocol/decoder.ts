/**
 * The decoder: bytes in, one record per SSE event out, linted and reassembled as they arrive.
 * It never throws on input; every problem becomes a record or a finding. Records are kept only
 * when asked (`keepEvents`), so a long live stream decodes in bounded memory.
 */
import { createSseByteParser, createSseParser, type SseEvent, type SseProblem } from './sse-parser.js';
import { createChunkValidator } from './validate.js';
import { createReassembler } from './reassembler.js';
import { limits } from './limits.js';
import { createLinter, type Cancellation } from './linter.js';
import { compileAppSchemas, type AppSchemas, type AppValidators } from './app-schemas.js';
import { headerProblems, type ResponseInfo } from './response-headers.js';
import { emptyBodyMessage, headKind, providerClientDoes, providerSse, wrongProtocolMessage } from './body-kind.js';
import { createDeliveryTracker } from './delivery.js';
import { isToolPart, toolNameOf } from './tool-parts.js';
import { readComment, usageFromChunk } from './dialects.js';
import { notJson, parseJsonSecurely } from './partial-json.js';
import { readPlainDelta } from './plain-delta.js';
import type { ClientVersion, UIMessageChunk } from './schemas/chunks.js';
import { findingCodes, type DecodeReport, type Dialect, type EventRecord, type Finding, type FindingCode, type RecordKind, type SchemaIssue, type Summary, type UIMessage, type Usage } from './schemas/report.js';
import type { ReassemblyFailure } from './reassembler.js';

export type DecoderOptions = {
  /** `auto` (default) starts as `ai-sdk` and turns `autogpt` on the first AutoGPT sign. */
  dialect?: Dialect | 'auto';
  /** The AI SDK client major version whose behaviour findings describe (default 6). */
  client?: ClientVersion;
  /** A gap longer than this with no chunk is a stall, in ms (default 5000). */
  stallMs?: number;
  /** Keep every record for the report (default false: only counts, findings and the message). */
  keepEvents?: boolean;
  onRecord?: (record: EventRecord) => void;
  onFinding?: (finding: Finding) => void;
  /** A finding already reported changed: a live stall's length, its event once a chunk ends it. */
  onFindingChange?: (before: Finding, after: Finding) => void;
  /** Findings kept per code; past it they are counted in one closing finding (default 200). */
  maxFindingsPerCode?: number;
  /**
   * The assistant message the client continues (`readUIMessageStream`'s `message`): useChat
   * continues the chat's last message when it is the assistant's, as after a tool approval or a
   * client-side tool's output (see `continuedMessage`). Default: a new message.
   */
  message?: UIMessage;
  /**
   * The response's status and headers, where known (live capture, `lint URL`, HAR, scenario):
   * checked (`header-problem`) and named in `wrong-protocol`.
   */
  response?: ResponseInfo;
  /**
   * The app's own JSON Schemas for tool input/output, data parts and metadata (`AppSchemas`, the
   * `--schemas` file): mismatches are `tool-input-invalid`, `tool-output-invalid`,
   * `data-invalid`, `metadata-invalid`. Throws `AppSchemasError` (naming the path) when the
   * schemas are not valid; `compileAppSchemas` checks them beforehand.
   */
  schemas?: AppSchemas;
};

/** How reading ended, when the reader stopped before the bytes did (`end(at, { cancelled })`). */
export type DecoderEnd = { cancelled?: Cancellation };

export type Decoder = {
  /** The next bytes (or text) of the response; `at` is ms since the response started, if known. */
  push(chunk: Uint8Array | string, at?: number | null): void;
  /** Time passes without data (live streams): lets a stall show while it lasts. */
  tick(at: number): void;
  /**
   * The end of the response: end-of-stream findings are added and the final report returned.
   * `cancelled`: the reader stopped first (the page's stop, a timeout), with the reason shown:
   * the summary's `terminal` is then `cancelled` unless the stream had ended, and a missing
   * `finish` is `info`, not a server fault.
   */
  end(at?: number | null, how?: DecoderEnd): DecodeReport;
  /** The report so far. */
  report(): DecodeReport;
  readonly dialect: Dialect;
};

// Shared by every record without issues; records are read, never mutated.
const noIssues: SchemaIssue[] = Object.freeze([]) as unknown as SchemaIssue[];
const noSseFields: EventRecord['sse'] = Object.freeze({ event: null, id: null });

// Compiled once per schemas object: a panel or a CLI run decodes many streams with the same file.
const compiledSchemas = new WeakMap<AppSchemas, AppValidators>();
function validatorsOf(schemas: AppSchemas | undefined): AppValidators | null {
  if (!schemas) return null;
  let validators = compiledSchemas.get(schemas);
  if (!validators) compiledSchemas.set(schemas, (validators = compileAppSchemas(schemas)));
  return validators;
}

/** Tool names of the continued message's calls, for checking their outputs against the app's schemas. */
function toolNamesOf(message: UIMessage | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const part of message?.parts ?? []) {
    if (isToolPart(part)) names.set(part.toolCallId, toolNameOf(part));
  }
  return names;
}

/** Text of the body kept to tell what it is (the first line, or this much of it). */
const headLength = 256;

export function createDecoder(options: DecoderOptions = {}): Decoder {
  const client = options.client ?? '6';
  const keepEvents = options.keepEvents ?? false;
  const validate = createChunkValidator(client);
  const maxPerCode = options.maxFindingsPerCode ?? limits.findingsPerCode;
  let dialect: Dialect = options.dialect === 'autogpt' ? 'autogpt' : 'ai-sdk';
  const detectDialect = (options.dialect ?? 'auto') === 'auto';

  const events: EventRecord[] = [];
  const findings: Finding[] = [];
  const suppressed = new Map<FindingCode, number>();
  const perCode = new Map<FindingCode, number>();
  const reassembler = createReassembler(options.message, client);
  const summary: Summary = {
    events: 0,
    chunks: 0,
    comments: 0,
    done: false,
    finished: false,
    byType: {},
    durationMs: null,
    firstChunkMs: null,
    dialect,
    usage: null,
    terminal: null,
  };
  // Counted in a Map: a plain object keyed by arbitrary chunk types is slow to update per event.
  const byType = new Map<string, number>();
  let at: number | null = null;
  let ended = false;
  // The client ends the stream on the first chunk it cannot parse; later chunks change nothing.
  let clientStopped = false;

  function addFinding(finding: Finding): void {
    const count = (perCode.get(finding.code) ?? 0) + 1;
    perCode.set(finding.code, count);
    if (count > maxPerCode) {
      suppressed.set(finding.code, (suppressed.get(finding.code) ?? 0) + 1);
      return;
    }
    findings.push(finding);
    options.onFinding?.(finding);
  }

  function changeFinding(before: Finding, after: Finding): void {
    const index = findings.lastIndexOf(before);
    if (index < 0) return;
    findings[index] = after;
    options.onFindingChange?.(before, after);
  }

  const linter = createLinter({
    client,
    stallMs: options.stallMs ?? limits.stallMs,
    onFinding: addFinding,
    onFindingChange: changeFinding,
    validators: validatorsOf(options.schemas),
    metadata: () => reassembler.metadata,
    knownTools: toolNamesOf(options.message),
  });

  // What the body is: `head` until its first line tells (`sse-pending` until its first data event).
  let verdict: 'head' | 'sse-pending' | 'stream' | 'wrong' = 'head';
  let head = '';
  let headDecoder: TextDecoder | null = null;
  const delivery = createDeliveryTracker();

  function settle(kind: 'stream' | 'wrong', message?: string): void {
    verdict = kind;
    if (kind === 'wrong') {
      addFinding({ code: 'wrong-protocol', severity: findingCodes['wrong-protocol'], event: null, message: message as string });
      linter.mute();
      return;
    }
    if (options.response) for (const problem of headerProblems(options.response)) addFinding({ code: 'header-problem', event: null, ...problem });
  }

  /** Reads the body's first line, before the parser sees it, so a wrong body is one finding. */
  function readHead(chunk: Uint8Array | string, last: boolean): void {
    // A chunk's first bytes hold at least `headLength` characters: the rest is not decoded twice.
    if (typeof chunk !== 'string') chunk = (headDecoder ??= new TextDecoder()).decode(chunk.subarray(0, headLength * 4), { stream: !last });
    head += chunk.slice(0, headLength);
    const text = head.replace(/^[\uFEFF\s]+/, '');
    const lineEnd = text.search(/[\r\n]/);
    if (lineEnd < 0 && text.length < headLength && !last) return;
    if (text === '') {
      if (last) settle('wrong', emptyBodyMessage(options.response));
      return;
    }
    const kind = headKind(lineEnd < 0 ? text : text.slice(0, lineEnd));
    if (kind.sse) verdict = 'sse-pending';
    else settle('wrong', wrongProtocolMessage(kind.what, kind.clientDoes, options.response, text));
  }

  /** The first data event of an SSE body: a provider's own SSE, or the UI message stream. */
  function readFirstEvent(payload: unknown, event: SseEvent): void {
    const what = providerSse(payload, event.event);
    if (what === null) settle('stream');
    else settle('wrong', wrongProtocolMessage(what, providerClientDoes, options.response, head.replace(/^[\uFEFF\s]+/, '')));
  }

  function noteAutogpt(usage: Usage | null | undefined, sign: boolean): void {
    if (sign && detectDialect && dialect !== 'autogpt') {
      dialect = 'autogpt';
      summary.dialect = dialect;
    }
    if (usage && dialect === 'autogpt') summary.usage = usage;
  }

  const observed = keepEvents || options.onRecord !== undefined;
  const scratch = {} as EventRecord;

  function emit(record: EventRecord): void {
    summary.events++;
    if (keepEvents) events.push(record);
    options.onRecord?.(record);
  }

  // The hot path: one record per event, built in one shape, with no intermediate objects.
  function onEvent(event: SseEvent): void {
    let kind: RecordKind = 'done';
    let type: string | null = null;
    let chunk: unknown;
    let issues = noIssues;
    let failure: ReassemblyFailure | null = null;
    let extraFields: readonly string[] = noIssues as unknown as string[];
    let accepted: UIMessageChunk | null = null;
    if (event.data !== '[DONE]') {
      accepted = readPlainDelta(event.data);
      if (accepted === null) {
        const parsed = parseJsonSecurely(event.data);
        if (verdict === 'sse-pending') readFirstEvent(parsed, event);
        if (parsed === notJson) kind = 'invalid-json';
        else {
          chunk = parsed;
          const validation = validate(parsed);
          if (validation === null) accepted = parsed as UIMessageChunk;
          else if (validation.kind === 'chunk') {
            accepted = validation.chunk;
            extraFields = validation.extraFields;
          } else {
            kind = validation.kind;
            type = validation.type;
            if (validation.kind === 'invalid-chunk') issues = validation.issues;
          }
        }
      }
    }
    if (accepted !== null) {
      if (verdict === 'sse-pending') settle('stream');
      kind = 'chunk';
      type = accepted.type;
      chunk = accepted;
      if (!clientStopped) failure = reassembler.apply(accepted);
    }
    const usage = type === 'usage' ? usageFromChunk(chunk) : null;
    if (usage) noteAutogpt(usage, true);
    // Nobody keeps records: one scratch record serves every event (the linter keeps none).
    const record: EventRecord = observed ? ({} as EventRecord) : scratch;
    record.index = summary.events;
    record.kind = kind;
    record.type = type;
    record.raw = event.raw;
    record.at = at;
    record.sse = event.event === null && event.id === null ? noSseFields : { event: event.event, id: event.id };
    record.chunk = chunk;
    record.usage = usage && dialect === 'autogpt' ? usage : undefined;
    record.issues = issues;
    if (kind === 'chunk') {
      summary.chunks++;
      if (summary.firstChunkMs === null) summary.firstChunkMs = at;
      if (type === 'finish') summary.finished = true;
    } else if (kind === 'done') summary.done = true;
    else clientStopped = true;
    if (type !== null) byType.set(type, (byType.get(type) ?? 0) + 1);
    emit(record);
    linter.event(record, extraFields, failure);
    if (lineProblems.length > 0) reportLineProblems(record.index);
  }

  function onComment(line: string): void {
    const comment = line.charCodeAt(1) === 32 ? line.slice(2) : line.slice(1);
    const meaning = readComment(comment);
    noteAutogpt(meaning.kind === 'usage' ? meaning.usage : null, meaning.kind !== 'other');
    summary.comments++;
    emit({
      index: summary.events,
      kind: 'comment',
      type: null,
      raw: line,
      at,
      sse: noSseFields,
      comment,
      ...(meaning.kind === 'usage' && dialect === 'autogpt' ? { usage: meaning.usage } : {}),
      issues: [],
    });
  }

  // Problems with a line of the event being read wait for it: reported with its index once it is
  // dispatched, or with none if it never is.
  let lineProblems: SseProblem[] = [];

  function reportLineProblems(event: number | null): void {
    for (const problem of lineProblems) linter.problem(problem, event);
    lineProblems = [];
  }

  function onProblem(problem: SseProblem): void {
    if (problem.kind === 'unknown-field' || problem.kind === 'invalid-retry' || problem.kind === 'invalid-id') {
      lineProblems.push(problem);
      return;
    }
    reportLineProblems(null);
    linter.problem(problem, null);
  }

  const parserOptions = { onEvent, onComment, onProblem };
  type Input = { text: boolean; feed(chunk: Uint8Array | string): void; end(): void };
  // Made on the first push, by the kind of input: text skips UTF-8 decoding.
  function openInput(text: boolean): Input {
    if (text) {
      const parser = createSseParser(parserOptions);
      return { text, feed: (chunk) => parser.feed(chunk as string), end: () => parser.end() };
    }
    const parser = createSseByteParser(parserOptions);
    return { text, feed: (chunk) => parser.feed(chunk as Uint8Array), end: () => parser.end() };
  }
  let input: Input | null = null;

  function report(): DecodeReport {
    return { events: keepEvents ? events.slice() : [], summary: { ...summary, byType: Object.fromEntries(byType) }, findings: findings.slice(), message: ended ? reassembler.final() : reassembler.message() };
  }

  return {
    push(chunk, time = null) {
      if (ended) throw new Error('streamscope: push() after end() — create a new decoder for a new stream');
      at = time;
      const text = typeof chunk === 'string';
      input ??= openInput(text);
      if (input.text !== text) throw new Error('streamscope: a decoder takes either bytes or text, not both');
      if (verdict === 'head') readHead(chunk, false);
      const before = summary.events;
      input.feed(chunk);
      if (time !== null) delivery.read(time, summary.events - before);
    },
    tick(time) {
      if (!ended) linter.idle(time);
    },
    end(time = null, how = {}) {
      if (ended) return report();
      ended = true;
      if (time !== null) at = time;
      const cancelled = how.cancelled ?? null;
      // A reader that stopped before any byte says nothing about the body.
      if (verdict === 'head' && !(cancelled && head === '')) readHead('', true);
      input?.end();
      reportLineProblems(null);
      if (verdict === 'sse-pending') settle('stream');
      if (verdict === 'stream') {
        const buffered = delivery.verdict();
        if (buffered) addFinding({ code: 'buffered-delivery', severity: findingCodes['buffered-delivery'], event: null, message: buffered });
      }
      summary.durationMs = at;
      summary.terminal = linter.end(at, reassembler.current(), cancelled);
      for (const [code, count] of suppressed) {
        const finding: Finding = { code, severity: findingCodes[code], event: null, message: `${count} more "${code}" findings not listed` };
        findings.push(finding);
        options.onFinding?.(finding);
      }
      return report();
    },
    report,
    get dialect() {
      return dialect;
    },
  };
}
