/**
 * The linter: a state machine over decoded records that reports what an AI SDK client will do
 * with the stream, as findings with stable codes (DESIGN.md). Orphan deltas and outputs come from
 * the reassembler, which knows exactly where the client throws. Each message says what happened,
 * names the chunk or id, and says what the client does about it.
 */
import { findingCodes, type EventRecord, type Finding, type FindingCode, type Severity, type Terminal, type UIMessage } from './schemas/report.js';
import {
  chunkTypeSince,
  clientVersions,
  fieldAfterStrict,
  finishReasonSupport,
  isNamedChunkType,
  strictClientReleases,
  type ClientVersion,
  type FinishReason,
} from './schemas/chunks.js';
import type { ReassemblyFailure } from './reassembler.js';
import { sseEventData, type SseProblem } from './sse-parser.js';
import { schemaMismatch, type AppValidators } from './app-schemas.js';
import { nestingDepth } from './json-depth.js';
import { limits } from './limits.js';

export type LinterOptions = {
  client: ClientVersion;
  /** A gap longer than this with no chunk is a stall (ms). */
  stallMs: number;
  onFinding: (finding: Finding) => void;
  /** A finding already given to `onFinding` whose message changed (a stall that went on). */
  onFindingChange: (before: Finding, after: Finding) => void;
  /** The app's own schemas, when given: tool input/output, data parts and metadata are checked. */
  validators?: AppValidators | null;
  /** The message's metadata as the client has merged it so far (checked against `validators.metadata`). */
  metadata?: () => unknown;
  /** Tool names of the calls the continued message already has, by `toolCallId`. */
  knownTools?: ReadonlyMap<string, string>;
};

/** How the reading ended when the reader stopped first (the page's stop, a timeout): its reason. */
export type Cancellation = { reason: string };

export type Linter = {
  /** A decoded event, with the fields its client does not know and the reassembler's verdict. */
  event(record: EventRecord, extraFields: readonly string[], failure: ReassemblyFailure | null): void;
  problem(problem: SseProblem, event: number | null): void;
  /** Time passes with no event (live streams): a stall is reported while it lasts. */
  idle(at: number): void;
  /** The end of the stream; `cancelled` when the reader stopped it. Returns how it ended. */
  end(at: number | null, message: UIMessage, cancelled: Cancellation | null): Terminal;
  /** The body is not a UI message stream (reported once as `wrong-protocol`): lint nothing else. */
  mute(): void;
};

type ToolCall = { toolName: string | undefined; input: boolean; output: boolean; approval: boolean; event: number };

const preview = (text: string): string => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

function problemMessage(problem: SseProblem): string {
  switch (problem.kind) {
    case 'unknown-field':
      return `unknown SSE field "${preview(problem.field)}" in line "${preview(problem.line)}": clients ignore the line`;
    case 'invalid-retry':
      return `"retry" must be digits, got "${preview(problem.value)}": clients ignore it`;
    case 'invalid-id':
      return `an "id" containing NUL is ignored: "${preview(problem.line)}"`;
    case 'no-data':
      return `an event without "data" lines is never dispatched: ${preview(problem.raw)}`;
    case 'unterminated-event':
      return `the stream ended inside an event (no blank line after it), so clients drop it: ${preview(problem.raw)}`;
    case 'event-too-large':
      return `an event over ${problem.limit} characters was skipped`;
  }
}

/** A block of only `retry` / `id` fields sets them without an event: valid, nothing to dispatch. */
function onlySetsFields(raw: string): boolean {
  return raw.split('\n').every((line) => /^(retry|id)(:|$)/.test(line));
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function invalidJsonMessage(record: EventRecord): string {
  // The decoder also refuses JSON with prototype-poisoning keys, as the client's secure parser does.
  const what = isJson(sseEventData(record.raw))
    ? 'is JSON with a "__proto__" or "constructor.prototype" key, which the client\'s secure JSON parser refuses'
    : 'is not JSON';
  return `"data" ${what}: ${preview(record.raw)}: the client fails with a JSON parse error and ends the stream`;
}

function unknownTypeMessage(type: string | null, client: ClientVersion): string {
  const since = type !== null && isNamedChunkType(type) ? chunkTypeSince[type] : null;
  const known = since ? ` (known from ai ${since} on)` : '';
  return `unknown chunk type "${type ?? '?'}"${known} for ai ${client} clients: the client fails its schema check and ends the stream`;
}

function failureMessage(failure: ReassemblyFailure): string {
  const thrown = `${failure.message} A client reading this response throws here and ends the stream.`;
  // Approval and client-side tool flows answer a call made in the previous response: useChat
  // continues that assistant message, where the call exists.
  if (failure.code !== 'orphan-tool-output') return thrown;
  return `${thrown} (Unless the response continues an assistant message that has this call, as after a tool approval: useChat then finds it there.)`;
}

const strictRange = (client: ClientVersion): string => strictClientReleases.find((range) => range.startsWith(`${client}.`)) ?? strictClientReleases.join(', ');

export function createLinter(options: LinterOptions): Linter {
  const { client, stallMs, onFinding, validators = null } = options;
  let muted = false;
  let terminal: Terminal | null = null;
  // The first `start` and the message id it set (the client's message id before a second one).
  let started: number | null = null;
  let messageIdSoFar: string | undefined;
  let finished = false;
  let aborted = false;
  // A `finish` or `abort` the client rejected still ends the server's turn: not a missing finish.
  let terminalSent = false;
  let done = false;
  let openStep = false;
  let lastChunkAt = 0;
  // The stall shown while it lasted (`idle`), updated with its real length once it ends.
  let liveStall: Finding | null = null;
  let afterFinishCount = 0;
  const extraReported = new Set<string>();
  const openParts = new Map<string, { kind: string; id: string; event: number }>();
  // Parts a `finish-step` closed while open, with that event: a later delta for one fails.
  const closedByStep = new Map<string, number>();
  const tools = new Map<string, ToolCall>();

  const report = (code: FindingCode, event: number | null, message: string, severity: Severity = findingCodes[code]): Finding => {
    const finding: Finding = { code, severity, event, message };
    onFinding(finding);
    return finding;
  };

  const stallMessage = (gap: number, what: string): string =>
    `${(gap / 1000).toFixed(1)} s without a chunk ${what} (threshold ${stallMs / 1000} s; heartbeats and comments do not count): the chat shows no progress meanwhile`;

  /** A gap ends at `at` (a chunk arrived, or the stream ended): reported with its real length. */
  function checkStall(at: number | null, event: number | null, what: string): void {
    if (at === null) return;
    const gap = at - lastChunkAt;
    if (liveStall) {
      const ended: Finding = { ...liveStall, event, message: stallMessage(gap, what) };
      options.onFindingChange(liveStall, ended);
    } else if (gap > stallMs && !finished && !aborted) report('stall', event, stallMessage(gap, what));
    lastChunkAt = at;
    liveStall = null;
  }

  function checkAppSchema(code: FindingCode, event: number, schema: unknown, value: unknown, what: string, consequence: string): void {
    const mismatch = schemaMismatch(schema as Parameters<typeof schemaMismatch>[0], value);
    if (mismatch !== null) report(code, event, `${what} does not match the app's schema (${mismatch}): ${consequence}`);
  }

  function checkToolSchemas(record: EventRecord, tool: ToolCall): void {
    if (!validators || tool.toolName === undefined) return;
    const chunk = record.chunk as { toolCallId: string; input?: unknown; output?: unknown; preliminary?: boolean };
    const name = `tool "${tool.toolName}" (call "${chunk.toolCallId}")`;
    const consequence = 'the chat renders it as sent, and validateUIMessages with the app\'s tools throws on the saved message';
    if (record.type === 'tool-input-available') {
      const schema = validators.toolInput.get(tool.toolName);
      if (schema) checkAppSchema('tool-input-invalid', record.index, schema, chunk.input, `the input of ${name}`, consequence);
    } else if (record.type === 'tool-output-available' && chunk.preliminary !== true) {
      const schema = validators.toolOutput.get(tool.toolName);
      if (schema) checkAppSchema('tool-output-invalid', record.index, schema, chunk.output, `the output of ${name}`, consequence);
    }
  }

  function checkDataSchema(record: EventRecord): void {
    const type = record.type as string;
    const schema = validators?.data.get(type);
    if (!schema) return;
    // ai 6 looks the schema up by the full part type, though its types key it by the bare name.
    const consequence = `useChat given this schema as dataPartSchemas["${type}"] fails with a TypeValidationError and ends the stream (one keyed "${type.slice(5)}" is never applied)`;
    checkAppSchema('data-invalid', record.index, schema, (record.chunk as { data: unknown }).data, `"${type}" data`, consequence);
  }

  function checkMetadataSchema(record: EventRecord): void {
    if (!validators?.metadata || (record.chunk as { messageMetadata?: unknown }).messageMetadata == null) return;
    const consequence = 'useChat given this schema as messageMetadataSchema fails with a TypeValidationError and ends the stream';
    checkAppSchema('metadata-invalid', record.index, validators.metadata, options.metadata?.(), `the message metadata after "${record.type}"`, consequence);
  }

  function checkStart(record: EventRecord): void {
    const { messageId } = record.chunk as { messageId?: string };
    if (started === null) {
      started = record.index;
      messageIdSoFar = messageId;
      return;
    }
    const renames = messageId != null && messageId !== messageIdSoFar;
    report(
      'duplicate-start',
      record.index,
      renames
        ? `a second "start" (the first at event ${started}) with another messageId "${messageId}": readUIMessageStream drops the message so far and starts a new one (ai 6.0.326, ai 7; ai 5 and ai 6.0.230 keep its parts under the new id); useChat keeps the first message and adds a second assistant message for "${messageId}" (a stream written before another was merged into it, as writer.write before writer.merge)`
        : `a second "start" (the first at event ${started}): readUIMessageStream and useChat merge it into the same message (its metadata merged), but it means two streams were joined (writer.write before writer.merge); with another messageId the chat would show two messages`,
    );
  }

  function checkStep(record: EventRecord): void {
    if (record.type === 'start-step') {
      if (openStep) report('step-mismatch', record.index, '"start-step" while a step is still open (no "finish-step" before it): the client adds another "step-start" part');
      openStep = true;
    } else {
      if (!openStep) report('step-mismatch', record.index, '"finish-step" without a "start-step": the client only closes its active text and reasoning parts');
      openStep = false;
      closeOpenParts(record.index);
    }
  }

  /**
   * ai 5 and 6 forget their open text and reasoning parts at `finish-step`: they stay "streaming".
   * ai 7 keeps them open, so for `client` 7 this is only a note that older clients fail here.
   */
  function closeOpenParts(event: number): void {
    const keptOpen = client === '7';
    for (const [key, part] of openParts) {
      const older = `ai 5 and 6 clients forget the part, which stays "streaming", and fail on any later "${part.kind}-delta" or "${part.kind}-end" for it`;
      report(
        'step-closes-open-part',
        event,
        `"finish-step" while ${part.kind} part "${part.id}" (started at event ${part.event}) is still open: ${keptOpen ? `ai 7 clients keep it open across the step; ${older}` : `${older}; ai 7 keeps it open across the step`} (merged streams: one source's step end closed another's part)`,
        keptOpen ? 'info' : findingCodes['step-closes-open-part'],
      );
      if (!keptOpen) closedByStep.set(key, event);
    }
    if (!keptOpen) openParts.clear();
  }

  function checkParts(record: EventRecord): void {
    const type = record.type as string;
    const kind = type.startsWith('text') ? 'text' : 'reasoning';
    const { id } = record.chunk as { id: string };
    const key = `${kind}\u0000${id}`;
    if (type.endsWith('-start')) {
      openParts.set(key, { kind, id, event: record.index });
      closedByStep.delete(key);
    } else openParts.delete(key);
  }

  function checkTools(record: EventRecord): void {
    const chunk = record.chunk as { toolCallId?: string; toolName?: string };
    if (!chunk.toolCallId) return;
    const tool = tools.get(chunk.toolCallId) ?? { toolName: chunk.toolName ?? options.knownTools?.get(chunk.toolCallId), input: false, output: false, approval: false, event: record.index };
    tool.toolName ??= chunk.toolName;
    if (record.type === 'tool-input-available') tool.input = true;
    if (record.type === 'tool-approval-request') tool.approval = true;
    if (record.type === 'tool-input-error' || record.type?.startsWith('tool-output-')) tool.output = true;
    tools.set(chunk.toolCallId, tool);
    checkToolSchemas(record, tool);
  }

  function checkFinishReason(record: EventRecord): void {
    const reason = (record.chunk as { finishReason?: FinishReason }).finishReason;
    if (reason === undefined) return;
    const accepted: readonly ClientVersion[] = finishReasonSupport[reason];
    const rejecting = clientVersions.filter((version) => !accepted.includes(version));
    if (rejecting.length === 0) return;
    report(
      'finish-reason-unsupported',
      record.index,
      `finishReason "${reason}" is accepted by ai ${accepted.join(', ')} clients only: ai ${rejecting.join(', ')} clients reject this "finish" chunk and end the stream`,
    );
  }

  function checkFinish(record: EventRecord): void {
    if (finished) {
      report('duplicate-finish', record.index, 'a second "finish": the client applies it too (its finishReason and metadata replace the first one\'s); AI SDK servers send exactly one');
      return;
    }
    finished = true;
    terminal ??= 'finish';
    checkFinishReason(record);
    for (const part of openParts.values()) {
      report(
        'unclosed-part',
        record.index,
        `${part.kind} part "${part.id}" (started at event ${part.event}) is still open at "finish" (no "${part.kind}-end"): the client leaves it in state "streaming"`,
      );
    }
  }

  function checkExtraFields(record: EventRecord, extraFields: readonly string[]): void {
    const type = record.type as string;
    for (const field of extraFields) {
      const key = `${type}.${field}`;
      if (extraReported.has(key)) continue;
      extraReported.add(key);
      const message = fieldAfterStrict(type, field, client)
        ? `"${field}" of "${type}" came in a later ai ${client} release than the strict ones (ai ${strictRange(client)}): those reject the chunk and end the stream, later ones accept the field`
        : `"${field}" is not a field of "${type}" for ai ${client} clients: strict releases (ai ${strictRange(client)}) reject the chunk and end the stream, later ones ignore the field`;
      report('extra-field', record.index, message);
    }
  }

  /**
   * How deeply the message nests once the chunk is in it: the client copies the whole message
   * (`structuredClone`) at each update and overflows the stack past the limits. Metadata sits in
   * the message itself (merging never nests deeper than its deepest side); anything else in a part
   * (message → parts → part). A chunk's text needs two characters a level, so short ones are skipped.
   */
  function checkDepth(record: EventRecord): void {
    if (record.raw.length < 2 * (limits.clientMessageDepthNode - 2)) return;
    const chunk = record.chunk as { type: string; messageMetadata?: unknown; transient?: boolean };
    const isMetadata = chunk.type === 'start' || chunk.type === 'finish' || chunk.type === 'message-metadata';
    if (!isMetadata && (chunk.transient === true || chunk.type === 'error' || chunk.type === 'abort')) return;
    const depth = isMetadata ? 1 + nestingDepth(chunk.messageMetadata) : 2 + nestingDepth(chunk);
    if (depth <= limits.clientMessageDepthNode) return;
    const inChromium = depth > limits.clientMessageDepthBrowser;
    report(
      'json-too-deep',
      record.index,
      `${isMetadata ? 'the message metadata' : `the "${chunk.type}" part`} nests the message ${depth} levels deep: the client copies the message with structuredClone at every update, which overflows the call stack ("Maximum call stack size exceeded") past about ${limits.clientMessageDepthBrowser.toLocaleString('en')} levels in Chromium and ${limits.clientMessageDepthNode.toLocaleString('en')} in Node (readUIMessageStream in tests or on a server); ${inChromium ? 'the client' : 'there the client'} fails the stream at this chunk and useChat shows an error`,
      inChromium ? 'error' : 'warning',
    );
  }

  function checkChunk(record: EventRecord, extraFields: readonly string[]): void {
    checkDepth(record);
    if (finished && record.type !== 'finish') {
      afterFinishCount++;
      if (afterFinishCount === 1) {
        report('chunk-after-finish', record.index, `"${record.type}" after "finish": the client still applies it, changing a message the server had declared complete`);
      }
    }
    if (extraFields.length > 0) checkExtraFields(record, extraFields);
    // One dispatch on the type: most chunks are deltas, which need none of the checks below.
    switch (record.type) {
      case 'start-step':
      case 'finish-step':
        checkStep(record);
        return;
      case 'text-start':
      case 'text-end':
      case 'reasoning-start':
      case 'reasoning-end':
        checkParts(record);
        return;
      case 'start':
        checkStart(record);
        checkMetadataSchema(record);
        return;
      case 'finish':
        checkFinish(record);
        checkMetadataSchema(record);
        return;
      case 'message-metadata':
        checkMetadataSchema(record);
        return;
      case 'abort':
        aborted = true;
        terminal ??= 'abort';
        return;
      case 'error': {
        terminal ??= 'error';
        const { errorText } = record.chunk as { errorText: string };
        report('error-chunk', record.index, `an "error" chunk ("${preview(errorText)}"): useChat stops with status "error" and shows it; readUIMessageStream passes it to onError and goes on`);
        return;
      }
      default:
        if (record.type?.startsWith('tool-')) checkTools(record);
        else if (record.type?.startsWith('data-')) checkDataSchema(record);
    }
  }

  /** An orphan delta or end of a part a `finish-step` closed: the message names that event. */
  function orphanMessage(record: EventRecord, failure: ReassemblyFailure): string {
    const message = failureMessage(failure);
    if (failure.code !== 'orphan-delta' || !/^(text|reasoning)-/.test(record.type as string)) return message;
    const kind = (record.type as string).startsWith('text') ? 'text' : 'reasoning';
    const closedAt = closedByStep.get(`${kind}\u0000${(record.chunk as { id: string }).id}`);
    return closedAt === undefined ? message : `${message} The part was started, but the "finish-step" at event ${closedAt} closed it.`;
  }

  function openToolsMessage(id: string, tool: ToolCall): string {
    const name = tool.toolName ? ` ("${tool.toolName}")` : '';
    return `tool call "${id}"${name} has its input but no output or error by the end of the stream: the client keeps it in state "input-available" (expected only for client-side tools answered with addToolOutput)`;
  }

  return {
    event(record, extraFields, failure) {
      if (record.kind === 'comment') return;
      if (record.kind === 'done') {
        done = true;
        return;
      }
      // The client ends the stream on the first chunk it cannot parse or apply.
      if (record.kind !== 'chunk' || failure) terminal ??= 'error';
      if (muted) return;
      checkStall(record.at, record.index, 'before this event');
      switch (record.kind) {
        case 'invalid-json':
          report('invalid-json', record.index, invalidJsonMessage(record));
          return;
        case 'invalid-chunk': {
          if (record.type === 'finish' || record.type === 'abort') terminalSent = true;
          const issues = record.issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
          report('schema-violation', record.index, `"${record.type ?? '?'}" does not match its schema (${issues}): the client fails its schema check and ends the stream`);
          return;
        }
        case 'unknown-type':
          report('unknown-type', record.index, unknownTypeMessage(record.type, client));
          return;
        case 'chunk':
          checkChunk(record, extraFields);
          if (failure) report(failure.code, record.index, orphanMessage(record, failure));
      }
    },
    idle(at) {
      const gap = at - lastChunkAt;
      if (muted || gap <= stallMs || finished || aborted) return;
      const message = `${stallMessage(gap, 'so far')}; still waiting, ${(gap / 1000).toFixed(0)} s`;
      if (liveStall === null) liveStall = report('stall', null, message);
      else {
        const longer: Finding = { ...liveStall, message };
        options.onFindingChange(liveStall, longer);
        liveStall = longer;
      }
    },
    problem(problem, event) {
      if (muted || (problem.kind === 'no-data' && onlySetsFields(problem.raw))) return;
      report('sse-format', event, problemMessage(problem));
    },
    end(at, message, cancelled) {
      terminal ??= cancelled ? 'cancelled' : 'cut';
      if (muted) return terminal;
      if (afterFinishCount > 1) report('chunk-after-finish', null, `${afterFinishCount} chunks in all after "finish"`);
      if (!finished && !aborted && !terminalSent) {
        const open = message.parts.filter((part) => part.state === 'streaming' || part.state === 'input-streaming').length;
        const streaming = open ? ` with ${open} part(s) still streaming` : '';
        if (cancelled) {
          report('missing-finish', null, `the reader stopped (${cancelled.reason}) before "finish" or "abort": not a server fault; the client keeps the message as it stands${streaming}`, 'info');
        } else {
          report(
            'missing-finish',
            null,
            `the stream ended without "finish" or "abort" (a cut or stuck session): the client keeps the message as it stands${streaming} and no finishReason; while the connection stays open, useChat stays "streaming"`,
          );
        }
      }
      if (!done && !cancelled) report('missing-done', null, 'no "data: [DONE]" terminator: the client does not need it, but AI SDK servers always send one, so the stream may have been cut');
      for (const [id, tool] of tools) {
        if (tool.input && !tool.output && !tool.approval) report('tool-without-output', tool.event, openToolsMessage(id, tool));
      }
      checkStall(at, null, cancelled ? `until the reader stopped (${cancelled.reason})` : 'before the stream ended');
      return terminal;
    },
    mute() {
      muted = true;
    },
  };
}
