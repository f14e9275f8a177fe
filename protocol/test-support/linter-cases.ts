/**
 * Test-only: small crafted streams for the linter's finding codes. A stream is a list of chunks
 * (framed as AI SDK servers frame them) and raw SSE text (sent verbatim), then `data: [DONE]`.
 * `runChat` plays bytes to useChat's engine, to check what the linter says about useChat.
 */
import { AbstractChat, DefaultChatTransport, type ChatInit, type ChatState, type ChatStatus, type UIMessage as SdkUIMessage } from 'ai';
import { decodeStream } from '../decode-stream.js';
import type { DecoderOptions } from '../decoder.js';
import type { DecodeReport, Finding, FindingCode } from '../schemas/report.js';

export type ChunkLike = { type: string } & Record<string, unknown>;
export type StreamItem = ChunkLike | string;

/** SSE text: each chunk as `data: <json>\n\n`, strings as they are, then `data: [DONE]\n\n`. */
export function sseOf(items: readonly StreamItem[], options: { done?: boolean } = {}): string {
  const events = items.map((item) => (typeof item === 'string' ? item : `data: ${JSON.stringify(item)}\n\n`));
  return events.join('') + (options.done === false ? '' : 'data: [DONE]\n\n');
}

/** A one-step text turn; event indices 0–6, `[DONE]` is event 7. */
export const textTurn: readonly ChunkLike[] = [
  { type: 'start', messageId: 'm1' },
  { type: 'start-step' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'Hello' },
  { type: 'text-end', id: 't1' },
  { type: 'finish-step' },
  { type: 'finish', finishReason: 'stop' },
];

/** `items` with the item at `index` replaced by `replacement` (nothing: removed). */
export function replaced(items: readonly StreamItem[], index: number, ...replacement: StreamItem[]): StreamItem[] {
  return [...items.slice(0, index), ...replacement, ...items.slice(index + 1)];
}

/** `items` with `inserted` placed before the item at `index`. */
export function inserted(items: readonly StreamItem[], index: number, ...insertion: StreamItem[]): StreamItem[] {
  return [...items.slice(0, index), ...insertion, ...items.slice(index)];
}

/** A tool call `id` of tool `name` with its input, as `streamText` sends it. */
export function toolInput(id: string, name = 'weather'): ChunkLike[] {
  return [
    { type: 'tool-input-start', toolCallId: id, toolName: name },
    { type: 'tool-input-delta', toolCallId: id, inputTextDelta: '{"city":"Berlin"}' },
    { type: 'tool-input-available', toolCallId: id, toolName: name, input: { city: 'Berlin' } },
  ];
}

export function decode(text: string, options: Omit<DecoderOptions, 'keepEvents'> = {}): Promise<DecodeReport> {
  return decodeStream(text, options);
}

export function findingsOf(report: DecodeReport, code: FindingCode): Finding[] {
  return report.findings.filter((finding) => finding.code === code);
}

/** The findings' codes, for "nothing else was reported" checks. */
export function codesOf(report: DecodeReport): FindingCode[] {
  return report.findings.map((finding) => finding.code);
}

/** What `useChat` ends up with: its status, its error, the assistant message(s) it shows. */
export type ChatRun = { status: ChatStatus; error: Error | undefined; message: SdkUIMessage | undefined; assistantMessages: SdkUIMessage[]; finishReason: string | undefined };

export type ChatRunOptions = {
  /** The response's status and headers (default: 200, an event stream). */
  response?: ResponseInit;
  /** More of useChat's options (`dataPartSchemas`, `messageMetadataSchema`). */
  init?: Pick<ChatInit<SdkUIMessage>, 'dataPartSchemas' | 'messageMetadataSchema'>;
};

/** Minimal in-memory chat state, as framework bindings (React, Vue, Svelte) provide; it copies as React's does. */
export class MemoryChatState implements ChatState<SdkUIMessage> {
  status: ChatStatus = 'ready';
  error: Error | undefined = undefined;
  messages: SdkUIMessage[] = [];
  pushMessage = (message: SdkUIMessage): void => void this.messages.push(message);
  popMessage = (): void => void this.messages.pop();
  // As @ai-sdk/react's state: a replaced message is stored as a copy (the live one goes on changing).
  replaceMessage = (index: number, message: SdkUIMessage): void => void (this.messages[index] = this.snapshot(message));
  snapshot = <T>(thing: T): T => structuredClone(thing);
}

export class MemoryChat extends AbstractChat<SdkUIMessage> {}

/** useChat's engine (`AbstractChat` + `DefaultChatTransport`) on a response whose body is `bytes`. */
export async function runChat(bytes: string, options: ChatRunOptions = {}): Promise<ChatRun> {
  const state = new MemoryChatState();
  let finishReason: string | undefined;
  const transport = new DefaultChatTransport<SdkUIMessage>({
    api: 'http://127.0.0.1/api/chat',
    fetch: async () => new Response(bytes, options.response ?? { headers: { 'content-type': 'text/event-stream' } }),
  });
  const chat = new MemoryChat({ ...options.init, state, transport, onError: () => {}, onFinish: (event) => void (finishReason = event.finishReason) });
  await chat.sendMessage({ text: 'hi' });
  const last = state.messages.at(-1);
  const assistantMessages = state.messages.filter((message) => message.role === 'assistant');
  return { status: state.status, error: state.error, message: last?.role === 'assistant' ? last : undefined, assistantMessages, finishReason };
}
