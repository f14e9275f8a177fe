/**
 * The linter: a state machine over decoded records that reports what an AI SDK client will do
 * with the stream, as findings with stable codes (DESIGN.md). Orphan deltas and outputs come from
 * the reassembler, which knows exactly where the client throws.
 */
import { findingCodes, type EventRecord, type Finding, type FindingCode, type UIMessage } from './schemas/report.js';
import { strictClientReleases, type ClientVersion } from './schemas/chunks.js';
import type { ReassemblyFailure } from './reassembler.js';
import type { SseProblem } from './sse-parser.js';

export type LinterOptions = {
  client: ClientVersion;
  /** A gap longer than this with no chunk is a stall (ms). */
  stallMs: number;
  onFinding: (finding: Finding) => void;
};

export type Linter = {
  /** A decoded event, with the fields its client does not know and the reassembler's verdict. */
  event(record: EventRecord, extraFields: readonly string[], failure: ReassemblyFailure | null, message: () => UIMessage): void;
  problem(problem: SseProblem, event: number | null): void;
  /** Time passes with no event (live streams): a stall is reported while it lasts. */
  idle(at: number): void;
  end(at: number | null, message: UIMessage): void;
};

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

export function createLinter(options: LinterOptions): Linter {
  const { client, stallMs, onFinding } = options;
  let finished = false;
  let aborted = false;
  let done = false;
  let openStep = false;
  let lastChunkAt = 0;
  let stallReported = false;
  let afterFinishReported = 0;
  const extraReported = new Set<string>();
  const tools = new Map<string, { input: boolean; output: boolean; event: number }>();

  const report = (code: FindingCode, event: number | null, message: string): void =>
    onFinding({ code, severity: findingCodes[code], event, message });

  const stallMessage = (gap: number, what: string): string =>
    `${(gap / 1000).toFixed(1)} s without a chunk ${what} (threshold ${stallMs / 1000} s); heartbeats do not count`;

  function checkStall(at: number | null, event: number | null, what: string): void {
    if (at === null) return;
    const gap = at - lastChunkAt;
    if (gap > stallMs && !stallReported) report('stall', event, stallMessage(gap, what));
    lastChunkAt = at;
    stallReported = false;
  }

  function checkStep(record: EventRecord): void {
    if (record.type === 'start-step') {
      if (openStep) report('step-mismatch', record.index, '"start-step" while a step is still open (no "finish-step" before it)');
      openStep = true;
    } else if (record.type === 'finish-step') {
      if (!openStep) report('step-mismatch', record.index, '"finish-step" without a "start-step"');
      openStep = false;
    }
  }

  function checkTools(record: EventRecord): void {
    const chunk = record.chunk as { toolCallId?: string };
    if (!chunk.toolCallId) return;
    const tool = tools.get(chunk.toolCallId) ?? { input: false, output: false, event: record.index };
    if (record.type === 'tool-input-available') tool.input = true;
    if (record.type === 'tool-input-error' || record.type?.startsWith('tool-output-')) tool.output = true;
    tools.set(chunk.toolCallId, tool);
  }

  function checkFinish(record: EventRecord, message: () => UIMessage): void {
    if (finished) {
      report('duplicate-finish', record.index, 'a second "finish": the client already ended the message');
      return;
    }
    finished = true;
    const open = message().parts.filter((part) => (part.type === 'text' || part.type === 'reasoning') && part.state === 'streaming');
    for (const part of open) {
      report('unclosed-part', record.index, `a ${part.type} part is still open at "finish" (no "${part.type}-end"): the client leaves it in state "streaming"`);
    }
  }

  function checkChunk(record: EventRecord, extraFields: readonly string[], message: () => UIMessage): void {
    if (finished && record.type !== 'finish') {
      afterFinishReported++;
      if (afterFinishReported <= 1) report('chunk-after-finish', record.index, `"${record.type}" after "finish": the message was already complete`);
    }
    for (const field of extraFields) {
      const key = `${record.type}.${field}`;
      if (extraReported.has(key)) continue;
      extraReported.add(key);
      report(
        'extra-field',
        record.index,
        `"${field}" is not a field of "${record.type}" for ai ${client} clients: strict releases (${strictClientReleases.join(', ')}) reject the chunk`,
      );
    }
    checkStep(record);
    checkTools(record);
    if (record.type === 'finish') checkFinish(record, message);
    if (record.type === 'abort') aborted = true;
    if (record.type === 'error') {
      const { errorText } = record.chunk as { errorText: string };
      report('error-chunk', record.index, `an "error" chunk ("${preview(errorText)}"): useChat treats it as fatal and shows the error`);
    }
  }

  return {
    event(record, extraFields, failure, message) {
      if (record.kind === 'comment') return;
      if (record.kind === 'done') {
        done = true;
        return;
      }
      checkStall(record.at, record.index, 'before this event');
      switch (record.kind) {
        case 'invalid-json':
          report('invalid-json', record.index, `"data" is not JSON: ${preview(record.raw)}: the client ends the stream with a parse error`);
          return;
        case 'invalid-chunk': {
          const issues = record.issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
          report('schema-violation', record.index, `"${record.type ?? '?'}" does not match its schema (${issues}): the client ends the stream`);
          return;
        }
        case 'unknown-type':
          report('unknown-type', record.index, `unknown chunk type "${record.type ?? '?'}" for ai ${client} clients: the client ends the stream on it`);
          return;
        case 'chunk':
          checkChunk(record, extraFields, message);
          if (failure) report(failure.code, record.index, `${failure.message} The client ends the stream here.`);
      }
    },
    idle(at) {
      const gap = at - lastChunkAt;
      if (gap <= stallMs || stallReported || finished || aborted) return;
      stallReported = true;
      report('stall', null, stallMessage(gap, 'so far'));
    },
    problem(problem, event) {
      report('sse-format', event, problemMessage(problem));
    },
    end(at, message) {
      if (afterFinishReported > 1) report('chunk-after-finish', null, `${afterFinishReported} chunks in all after "finish"`);
      if (!finished && !aborted) {
        const open = message.parts.filter((part) => part.state === 'streaming' || part.state === 'input-streaming').length;
        report('missing-finish', null, `the stream ended without "finish" or "abort"${open ? ` (${open} part(s) still streaming)` : ''}: the client never completes the message`);
      }
      if (!done) report('missing-done', null, 'no "data: [DONE]" terminator (AI SDK servers send one)');
      for (const [id, tool] of tools) {
        if (tool.input && !tool.output) report('tool-without-output', tool.event, `tool call "${id}" has its input but no output or error by the end of the stream`);
      }
      checkStall(at, null, 'before the stream ended');
    },
  };
}
