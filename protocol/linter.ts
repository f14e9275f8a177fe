/**
 * The linter: a state machine over decoded records that reports what an AI SDK client will do
 * with the stream, as findings with stable codes (DESIGN.md). Orphan deltas and outputs come from
 * the reassembler, which knows exactly where the client throws. Each message says what happened,
 * names the chunk or id, and says what the client does about it.
 */
import { findingCodes, type EventRecord, type Finding, type FindingCode, type UIMessage } from './schemas/report.js';
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

export type LinterOptions = {
  client: ClientVersion;
  /** A gap longer than this with no chunk is a stall (ms). */
  stallMs: number;
  onFinding: (finding: Finding) => void;
};

export type Linter = {
  /** A decoded event, with the fields its client does not know and the reassembler's verdict. */
  event(record: EventRecord, extraFields: readonly string[], failure: ReassemblyFailure | null): void;
  problem(problem: SseProblem, event: number | null): void;
  /** Time passes with no event (live streams): a stall is reported while it lasts. */
  idle(at: number): void;
  end(at: number | null, message: UIMessage): void;
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
  const { client, stallMs, onFinding } = options;
  let finished = false;
  let aborted = false;
  // A `finish` or `abort` the client rejected still ends the server's turn: not a missing finish.
  let terminalSent = false;
  let done = false;
  let openStep = false;
  let lastChunkAt = 0;
  let stallReported = false;
  let afterFinishCount = 0;
  const extraReported = new Set<string>();
  const openParts = new Map<string, { kind: string; id: string; event: number }>();
  const tools = new Map<string, ToolCall>();

  const report = (code: FindingCode, event: number | null, message: string): void =>
    onFinding({ code, severity: findingCodes[code], event, message });

  const stallMessage = (gap: number, what: string): string =>
    `${(gap / 1000).toFixed(1)} s without a chunk ${what} (threshold ${stallMs / 1000} s; heartbeats and comments do not count): the chat shows no progress meanwhile`;

  function checkStall(at: number | null, event: number | null, what: string): void {
    if (at === null) return;
    const gap = at - lastChunkAt;
    if (gap > stallMs && !stallReported && !finished && !aborted) report('stall', event, stallMessage(gap, what));
    lastChunkAt = at;
    stallReported = false;
  }

  function checkStep(record: EventRecord): void {
    if (record.type === 'start-step') {
      if (openStep) report('step-mismatch', record.index, '"start-step" while a step is still open (no "finish-step" before it): the client adds another "step-start" part');
      openStep = true;
    } else {
      if (!openStep) report('step-mismatch', record.index, '"finish-step" without a "start-step": the client only closes its active text and reasoning parts');
      openStep = false;
    }
  }

  function checkParts(record: EventRecord): void {
    const type = record.type as string;
    const kind = type.startsWith('text') ? 'text' : 'reasoning';
    const { id } = record.chunk as { id: string };
    const key = `${kind}\u0000${id}`;
    if (type.endsWith('-start')) openParts.set(key, { kind, id, event: record.index });
    else openParts.delete(key);
  }

  function checkTools(record: EventRecord): void {
    const chunk = record.chunk as { toolCallId?: string; toolName?: string };
    if (!chunk.toolCallId) return;
    const tool = tools.get(chunk.toolCallId) ?? { toolName: chunk.toolName, input: false, output: false, approval: false, event: record.index };
    tool.toolName ??= chunk.toolName;
    if (record.type === 'tool-input-available') tool.input = true;
    if (record.type === 'tool-approval-request') tool.approval = true;
    if (record.type === 'tool-input-error' || record.type?.startsWith('tool-output-')) tool.output = true;
    tools.set(chunk.toolCallId, tool);
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

  function checkChunk(record: EventRecord, extraFields: readonly string[]): void {
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
      case 'finish':
        checkFinish(record);
        return;
      case 'abort':
        aborted = true;
        return;
      case 'error': {
        const { errorText } = record.chunk as { errorText: string };
        report('error-chunk', record.index, `an "error" chunk ("${preview(errorText)}"): useChat stops with status "error" and shows it; readUIMessageStream passes it to onError and goes on`);
        return;
      }
      default:
        if (record.type?.startsWith('tool-')) checkTools(record);
    }
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
          if (failure) report(failure.code, record.index, failureMessage(failure));
      }
    },
    idle(at) {
      const gap = at - lastChunkAt;
      if (gap <= stallMs || stallReported || finished || aborted) return;
      stallReported = true;
      report('stall', null, stallMessage(gap, 'so far'));
    },
    problem(problem, event) {
      if (problem.kind === 'no-data' && onlySetsFields(problem.raw)) return;
      report('sse-format', event, problemMessage(problem));
    },
    end(at, message) {
      if (afterFinishCount > 1) report('chunk-after-finish', null, `${afterFinishCount} chunks in all after "finish"`);
      if (!finished && !aborted && !terminalSent) {
        const open = message.parts.filter((part) => part.state === 'streaming' || part.state === 'input-streaming').length;
        const streaming = open ? ` with ${open} part(s) still streaming` : '';
        report(
          'missing-finish',
          null,
          `the stream ended without "finish" or "abort" (a cut or stuck session): the client keeps the message as it stands${streaming} and no finishReason; while the connection stays open, useChat stays "streaming"`,
        );
      }
      if (!done) report('missing-done', null, 'no "data: [DONE]" terminator: the client does not need it, but AI SDK servers always send one, so the stream may have been cut');
      for (const [id, tool] of tools) {
        if (tool.input && !tool.output && !tool.approval) report('tool-without-output', tool.event, openToolsMessage(id, tool));
      }
      checkStall(at, null, 'before the stream ended');
    },
  };
}
