/**
 * Rebuilds the assistant message as the AI SDK client does (`readUIMessageStream` in `ai` 6):
 * the same parts, the same states, the same snapshot semantics (the client publishes a copy of
 * the message only when a chunk changes what it shows, so a trailing `start-step` is not seen).
 * Where the client would throw, the reassembler stops applying chunks and says why instead.
 * Where the chosen client's major differs from ai 6, it follows that major (ai 7 keeps text and
 * reasoning parts open across `finish-step`).
 */
import type { ChunkOf, ClientVersion, UIMessageChunk } from './schemas/chunks.js';
import type { UIMessage, UIMessagePart } from './schemas/report.js';
import { parsePartialJson } from './partial-json.js';
import { mergeMetadata } from './metadata-merge.js';
import { toJson } from './json-text.js';
import { currentStepParts, findToolInvocation, isToolPart, toolNameOf, toolPartInStep, updateToolPart, type ToolPart, type ToolUpdate } from './tool-parts.js';
import { createPartIndex } from './part-index.js';
import { createTextBuilder, type TextBuilder } from './text-builder.js';

/** `schema-violation`: message metadata the client cannot merge (a primitive merged into). */
export type ReassemblyFailure = { code: 'orphan-delta' | 'orphan-tool-output' | 'schema-violation'; message: string };

export type Reassembler = {
  /** Applies one valid chunk; returns the client's failure if it would throw on it. */
  apply(chunk: UIMessageChunk): ReassemblyFailure | null;
  /** The last message the client would have published. */
  message(): UIMessage;
  /** The last message the client would have published, once no chunk will follow: not copied. */
  final(): UIMessage;
  /** The message as it stands, including what the client has not published yet. */
  current(): UIMessage;
  /** Set once the client would have thrown: later chunks are not applied. */
  readonly failure: ReassemblyFailure | null;
  /** The message's metadata as merged so far. */
  readonly metadata: unknown;
};

type PartialToolCall = {
  text: string;
  toolName: string;
  dynamic: boolean | undefined;
  inputEncoding: 'json' | 'text' | undefined;
  title: string | undefined;
  toolMetadata: unknown;
};

function snapshot(message: UIMessage, partCount: number): UIMessage {
  return structuredClone({ ...message, parts: message.parts.slice(0, partCount) });
}

function orphanDelta(type: string, id: string, part: 'text part' | 'reasoning part' | 'tool call', start: string): ReassemblyFailure {
  return {
    code: 'orphan-delta',
    message: `Received ${type} for missing ${part} with ID "${id}". Ensure a "${start}" chunk is sent before any "${type}" chunks.`,
  };
}

/** Tool calls of the message's last step whose input was still streaming: the client goes on with them. */
function streamingToolCalls(message: UIMessage): Record<string, PartialToolCall> {
  const calls: Record<string, PartialToolCall> = Object.create(null);
  for (const part of currentStepParts(message.parts)) {
    if (!isToolPart(part) || part.state !== 'input-streaming') continue;
    const dynamic = part.type === 'dynamic-tool';
    calls[part.toolCallId] = {
      text: (part.rawInput ?? '') as string,
      toolName: toolNameOf(part),
      dynamic,
      inputEncoding: part.inputEncoding as PartialToolCall['inputEncoding'],
      title: part.title as string | undefined,
      toolMetadata: part.toolMetadata,
    };
  }
  return calls;
}

/**
 * `start` is the assistant message the client continues, as `readUIMessageStream`'s `message`
 * (useChat passes the last message of the chat when it is the assistant's); by default a new one.
 * `client` is the AI SDK major whose `readUIMessageStream` it follows.
 */
export function createReassembler(start?: UIMessage, client: ClientVersion = '6'): Reassembler {
  // ai 5 and 6 forget the open text and reasoning parts at a step's end; ai 7 keeps them.
  const stepEndClosesParts = client !== '7';
  let message: UIMessage = start ? structuredClone(start) : { id: '', role: 'assistant', parts: [] };
  let activeText: Record<string, UIMessagePart> = Object.create(null);
  let activeReasoning: Record<string, UIMessagePart> = Object.create(null);
  let partialToolCalls = streamingToolCalls(message);
  let failure: ReassemblyFailure | null = null;
  // What the client last published: it copies the message on each write.
  let published: UIMessage = structuredClone(message);
  let dirty = false;
  let publishedParts = message.parts.length;

  // Tool parts whose `input` is the partial JSON of this text, not parsed yet.
  const staleInputs = new Map<ToolPart, string>();

  // Text parts whose deltas are not joined yet (see text-builder.ts): joined when read.
  const pendingText = new Map<UIMessagePart, TextBuilder>();

  function resolveInputs(): void {
    for (const [part, text] of staleInputs) part.input = parsePartialJson(text);
    staleInputs.clear();
    for (const [part, text] of pendingText) part.text = text.toString();
    pendingText.clear();
  }

  const write = (): void => {
    dirty = true;
    publishedParts = message.parts.length;
  };

  const index = createPartIndex();

  function updateTool(update: ToolUpdate, dynamic: boolean, existing?: ToolPart): ToolPart {
    const part = updateToolPart(message.parts, index, update, dynamic, existing);
    staleInputs.delete(part);
    return part;
  }

  function applyToolInputStart(chunk: ChunkOf<'tool-input-start'>): void {
    partialToolCalls[chunk.toolCallId] = {
      text: '',
      toolName: chunk.toolName,
      dynamic: chunk.dynamic,
      inputEncoding: chunk.inputEncoding,
      title: chunk.title,
      toolMetadata: chunk.toolMetadata,
    };
    updateTool(
      {
        toolCallId: chunk.toolCallId,
        toolName: chunk.toolName,
        state: 'input-streaming',
        inputEncoding: chunk.inputEncoding,
        input: undefined,
        providerExecuted: chunk.providerExecuted,
        title: chunk.title,
        toolMetadata: chunk.toolMetadata,
        providerMetadata: chunk.providerMetadata,
      },
      chunk.dynamic === true,
    );
  }

  function applyToolInputDelta(chunk: ChunkOf<'tool-input-delta'>): ReassemblyFailure | null {
    const partial = partialToolCalls[chunk.toolCallId];
    if (!partial) return orphanDelta('tool-input-delta', chunk.toolCallId, 'tool call', 'tool-input-start');
    partial.text += chunk.inputTextDelta;
    const part = updateTool(
      {
        toolCallId: chunk.toolCallId,
        toolName: partial.toolName,
        state: 'input-streaming',
        inputEncoding: partial.inputEncoding,
        input: partial.inputEncoding === 'text' ? partial.text : undefined,
        rawInput: partial.text,
        title: partial.title,
        toolMetadata: partial.toolMetadata,
      },
      partial.dynamic === true,
    );
    // Parsing the partial JSON on every delta is quadratic in the input's length; only its value
    // when the message is read matters, so it is parsed then (`resolveInputs`).
    if (partial.inputEncoding !== 'text') staleInputs.set(part, partial.text);
    return null;
  }

  function applyToolResult(
    chunk: ChunkOf<'tool-output-available'> | ChunkOf<'tool-output-error'>,
    invocation: ToolPart,
  ): void {
    const dynamic = invocation.type === 'dynamic-tool';
    // The output keeps the input as it stands: partial JSON not parsed yet is parsed now.
    const stale = staleInputs.get(invocation);
    if (stale !== undefined) invocation.input = parsePartialJson(stale);
    updateTool(
      {
        toolCallId: chunk.toolCallId,
        toolName: toolNameOf(invocation),
        state: chunk.type === 'tool-output-available' ? 'output-available' : 'output-error',
        input: invocation.input,
        ...(chunk.type === 'tool-output-available'
          ? { output: chunk.output, preliminary: chunk.preliminary }
          : { errorText: chunk.errorText, ...(dynamic ? {} : { rawInput: invocation.rawInput }) }),
        providerExecuted: chunk.providerExecuted,
        providerMetadata: chunk.providerMetadata,
        title: invocation.title as string | undefined,
        toolMetadata: chunk.toolMetadata ?? invocation.toolMetadata,
      },
      dynamic,
      invocation,
    );
  }

  /** Merges new metadata as the client does; null when it merged (or there was none). */
  function mergeIntoMetadata(metadata: unknown): ReassemblyFailure | null {
    if (metadata == null) return null;
    if (message.metadata == null) {
      message.metadata = metadata;
      return null;
    }
    try {
      message.metadata = mergeMetadata(message.metadata, metadata);
      return null;
    } catch (error) {
      return {
        code: 'schema-violation',
        message: `messageMetadata ${toJson(metadata)} cannot be merged into the message's metadata ${toJson(message.metadata)} (${(error as Error).message}).`,
      };
    }
  }

  function applyStart(chunk: ChunkOf<'start'>): ReassemblyFailure | null {
    const reset = chunk.messageId != null && chunk.messageId !== message.id;
    if (reset) {
      message = { id: chunk.messageId as string, role: 'assistant', parts: [] };
      activeText = Object.create(null);
      activeReasoning = Object.create(null);
      partialToolCalls = Object.create(null);
    }
    if (chunk.messageId != null) message.id = chunk.messageId;
    const failed = mergeIntoMetadata(chunk.messageMetadata);
    if (failed) return failed;
    if (reset || chunk.messageId != null || chunk.messageMetadata != null) write();
    return null;
  }

  function applyMetadata(metadata: unknown): ReassemblyFailure | null {
    const failed = mergeIntoMetadata(metadata);
    if (!failed && metadata != null) write();
    return failed;
  }

  function applyData(chunk: UIMessageChunk & { type: `data-${string}` }): void {
    if (chunk.transient) return;
    const existing = chunk.id != null ? index.dataPart(message.parts, chunk.type, chunk.id) : undefined;
    if (existing) existing.data = chunk.data;
    else message.parts.push(chunk);
    write();
  }

  function startText(chunk: { id: string; providerMetadata?: unknown }, parts: Record<string, UIMessagePart>, kind: 'text' | 'reasoning'): null {
    const { id, providerMetadata } = chunk;
    const part: UIMessagePart = { type: kind, ...(kind === 'reasoning' ? { id } : {}), text: '', providerMetadata, state: 'streaming' };
    parts[id] = part;
    message.parts.push(part);
    write();
    return null;
  }

  /** A delta (`isDelta`) or the end of a text or reasoning part. */
  function continueText(
    chunk: { type: string; id: string; providerMetadata?: unknown; delta?: string },
    parts: Record<string, UIMessagePart>,
    kind: 'text' | 'reasoning',
    isDelta: boolean,
  ): ReassemblyFailure | null {
    const part = parts[chunk.id];
    if (!part) return orphanDelta(chunk.type, chunk.id, `${kind} part`, `${kind}-start`);
    if (isDelta) {
      let text = pendingText.get(part);
      if (!text) pendingText.set(part, (text = createTextBuilder(part.text as string)));
      text.append(chunk.delta as string);
    } else {
      part.state = 'done';
      delete parts[chunk.id];
      // Join an ended part's last deltas now: they may be slices of the response's text, which
      // they would keep alive until the message is read.
      const text = pendingText.get(part);
      if (text) {
        part.text = text.toString();
        pendingText.delete(part);
      }
    }
    part.providerMetadata = chunk.providerMetadata ?? part.providerMetadata;
    write();
    return null;
  }

  function step(chunk: UIMessageChunk): ReassemblyFailure | null {
    switch (chunk.type) {
      case 'text-start':
        return startText(chunk, activeText, 'text');
      case 'text-delta':
        return continueText(chunk, activeText, 'text', true);
      case 'text-end':
        return continueText(chunk, activeText, 'text', false);
      case 'reasoning-start':
        return startText(chunk, activeReasoning, 'reasoning');
      case 'reasoning-delta':
        return continueText(chunk, activeReasoning, 'reasoning', true);
      case 'reasoning-end':
        return continueText(chunk, activeReasoning, 'reasoning', false);
      case 'file':
        message.parts.push({
          type: 'file',
          mediaType: chunk.mediaType,
          url: chunk.url,
          ...(chunk.providerMetadata != null ? { providerMetadata: chunk.providerMetadata } : {}),
        });
        write();
        return null;
      case 'source-url':
        message.parts.push({ type: 'source-url', sourceId: chunk.sourceId, url: chunk.url, title: chunk.title, providerMetadata: chunk.providerMetadata });
        write();
        return null;
      case 'source-document':
        message.parts.push({
          type: 'source-document',
          sourceId: chunk.sourceId,
          mediaType: chunk.mediaType,
          title: chunk.title,
          filename: chunk.filename,
          providerMetadata: chunk.providerMetadata,
        });
        write();
        return null;
      case 'tool-input-start':
        applyToolInputStart(chunk);
        write();
        return null;
      case 'tool-input-delta': {
        const result = applyToolInputDelta(chunk);
        if (!result) write();
        return result;
      }
      case 'tool-input-available':
        updateTool(
          {
            toolCallId: chunk.toolCallId,
            toolName: chunk.toolName,
            state: 'input-available',
            input: chunk.input,
            providerExecuted: chunk.providerExecuted,
            providerMetadata: chunk.providerMetadata,
            title: chunk.title,
            toolMetadata: chunk.toolMetadata,
          },
          chunk.dynamic === true,
        );
        write();
        return null;
      case 'tool-input-error': {
        const existing = toolPartInStep(message.parts, index, chunk.toolCallId);
        const dynamic = existing ? existing.type === 'dynamic-tool' : chunk.dynamic === true;
        updateTool(
          {
            toolCallId: chunk.toolCallId,
            toolName: chunk.toolName,
            state: 'output-error',
            ...(dynamic ? { input: chunk.input } : { input: undefined, rawInput: chunk.input }),
            errorText: chunk.errorText,
            providerExecuted: chunk.providerExecuted,
            providerMetadata: chunk.providerMetadata,
            toolMetadata: chunk.toolMetadata,
          },
          dynamic,
        );
        write();
        return null;
      }
      case 'tool-approval-request':
      case 'tool-output-denied':
      case 'tool-output-available':
      case 'tool-output-error': {
        const invocation = findToolInvocation(message.parts, index, chunk.toolCallId);
        if (!invocation) return { code: 'orphan-tool-output', message: `No tool invocation found for tool call ID "${chunk.toolCallId}".` };
        if (chunk.type === 'tool-approval-request') {
          invocation.state = 'approval-requested';
          invocation.approval = {
            id: chunk.approvalId,
            ...(chunk.approvalDescriptor != null ? { descriptor: chunk.approvalDescriptor } : {}),
            ...(Object.hasOwn(chunk, 'inputSchemaInput') ? { inputSchemaInput: chunk.inputSchemaInput } : {}),
            ...(chunk.signature != null ? { signature: chunk.signature } : {}),
          };
        } else if (chunk.type === 'tool-output-denied') invocation.state = 'output-denied';
        else applyToolResult(chunk, invocation);
        write();
        return null;
      }
      case 'start-step':
        message.parts.push({ type: 'step-start' });
        return null;
      case 'finish-step':
        if (stepEndClosesParts) {
          activeText = Object.create(null);
          activeReasoning = Object.create(null);
        }
        return null;
      case 'start':
        return applyStart(chunk);
      case 'finish':
      case 'message-metadata':
        return applyMetadata(chunk.messageMetadata);
      default:
        if (chunk.type.startsWith('data-')) applyData(chunk as UIMessageChunk & { type: `data-${string}` });
        return null;
    }
  }

  return {
    apply(chunk) {
      if (failure) return null;
      failure = step(chunk);
      return failure;
    },
    message() {
      if (dirty) {
        resolveInputs();
        published = snapshot(message, publishedParts);
        dirty = false;
      }
      return published;
    },
    final() {
      resolveInputs();
      // Nothing changes the message any more, so it need not be copied.
      return { ...message, parts: message.parts.slice(0, publishedParts) };
    },
    current() {
      resolveInputs();
      return message;
    },
    get failure() {
      return failure;
    },
    get metadata() {
      return message.metadata;
    },
  };
}
