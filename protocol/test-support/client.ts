/**
 * Test-only: runs the real AI SDK client on bytes, the way `DefaultChatTransport` + `useChat`
 * do (`parseJsonEventStream` with `uiMessageChunkSchema`, an invalid chunk thrown, then
 * `readUIMessageStream`), so tests compare streamscope with what the client really does.
 * Works with any installed release (`ai`, `ai5strict`, `ai5loose`, `ai6strict`, `ai7`).
 */
import * as ai from 'ai';
import * as ai5strict from 'ai5strict';
import * as ai5loose from 'ai5loose';
import * as ai6strict from 'ai6strict';
import * as ai7 from 'ai7';
import type { UIMessage } from '../schemas/report.js';

type ParseResult = { success: true; value: unknown } | { success: false; error: unknown };

/** The part of an `ai` release's exports the client pipeline uses (typed loosely: releases differ). */
export type SdkClient = {
  parseJsonEventStream(options: { stream: ReadableStream<Uint8Array>; schema: never }): ReadableStream<ParseResult>;
  uiMessageChunkSchema: unknown;
  readUIMessageStream(options: { message?: unknown; stream: ReadableStream<never>; onError?: (error: unknown) => void }): AsyncIterable<unknown>;
};

export const sdkReleases = {
  ai: ai as unknown as SdkClient,
  ai5strict: ai5strict as unknown as SdkClient,
  ai5loose: ai5loose as unknown as SdkClient,
  ai6strict: ai6strict as unknown as SdkClient,
  ai7: ai7 as unknown as SdkClient,
} as const;
export type SdkRelease = keyof typeof sdkReleases;

const encoder = new TextEncoder();

/** The bytes as a `ReadableStream`, optionally cut at the given byte offsets. */
export function byteStream(input: string | Uint8Array, cuts: readonly number[] = []): ReadableStream<Uint8Array> {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const bounds = [0, ...[...cuts].filter((cut) => cut > 0 && cut < bytes.length).sort((a, b) => a - b), bytes.length];
  const pieces = bounds.slice(1).map((end, i) => bytes.slice(bounds[i], end)).filter((piece) => piece.length > 0);
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

/** Each `data:` payload as the client parses and validates it (`[DONE]` skipped). */
export async function parseWithSdk(input: string | Uint8Array, release: SdkRelease = 'ai'): Promise<ParseResult[]> {
  const sdk = sdkReleases[release];
  const results: ParseResult[] = [];
  const stream = sdk.parseJsonEventStream({ stream: byteStream(input), schema: sdk.uiMessageChunkSchema as never });
  for await (const result of stream as unknown as AsyncIterable<ParseResult>) results.push(result);
  return results;
}

/** Whether `release`'s `uiMessageChunkSchema` accepts `chunk` (sent as one SSE event). */
export async function sdkAccepts(chunk: unknown, release: SdkRelease): Promise<boolean> {
  const [result] = await parseWithSdk(`data: ${JSON.stringify(chunk)}\n\n`, release);
  return result.success;
}

export type ClientRun = {
  /** Every message snapshot `readUIMessageStream` yielded, in order. */
  messages: UIMessage[];
  /** The last of them (what the chat shows); undefined when none was yielded. */
  message: UIMessage | undefined;
  /** The first error the client reported (invalid chunk, reassembly failure, `error` chunk). */
  error: Error | undefined;
};

export type ClientRunOptions = {
  /** Byte offsets where the stream is cut into pieces. */
  cuts?: readonly number[];
  /** The assistant message the client continues (`readUIMessageStream`'s `message`). */
  message?: UIMessage;
};

/** A client reading a live body: `messages` fills as it reads; `done` when the body ends. */
export type LiveClientRun = { messages: UIMessage[]; done: Promise<ClientRun> };

/** Starts `DefaultChatTransport`'s chunk parsing and `readUIMessageStream` on a body. */
export function startSdkClient(body: ReadableStream<Uint8Array>, release: SdkRelease = 'ai', message?: UIMessage): LiveClientRun {
  const sdk = sdkReleases[release];
  const chunks = sdk.parseJsonEventStream({ stream: body, schema: sdk.uiMessageChunkSchema as never }).pipeThrough(
    new TransformStream<ParseResult, unknown>({
      transform(result, controller) {
        if (!result.success) throw result.error;
        controller.enqueue(result.value);
      },
    }),
  );
  let error: Error | undefined;
  const messages: UIMessage[] = [];
  const stream = sdk.readUIMessageStream({
    // The client continues (and changes) the message it is given: give it a copy.
    message: message && structuredClone(message),
    stream: chunks as ReadableStream<never>,
    onError(reported) {
      error ??= reported instanceof Error ? reported : new Error(String(reported));
    },
  });
  const done = (async (): Promise<ClientRun> => {
    for await (const snapshot of stream) messages.push(snapshot as UIMessage);
    return { messages, message: messages.at(-1), error };
  })();
  return { messages, done };
}

/** Runs `DefaultChatTransport`'s chunk parsing and `readUIMessageStream` on the bytes. */
export function runSdkClient(input: string | Uint8Array, release: SdkRelease = 'ai', { cuts = [], message }: ClientRunOptions = {}): Promise<ClientRun> {
  return startSdkClient(byteStream(input, cuts), release, message).done;
}
