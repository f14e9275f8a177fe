/**
 * Chunk → SSE text, byte for byte as AI SDK servers (`JsonToSseTransformStream`) and AutoGPT's
 * copilot backend write it. The mock server and the tests build every stream with these.
 */
import type { Dialect, Usage } from './schemas/report.js';
import type { UIMessageChunk } from './schemas/chunks.js';

/** Response headers of `createUIMessageStreamResponse` (`UI_MESSAGE_STREAM_HEADERS`). */
export const uiMessageStreamHeaders: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-vercel-ai-ui-message-stream': 'v1',
  'x-accel-buffering': 'no',
};

export type EncodeOptions = {
  dialect?: Dialect;
  /** An SSE `id:` line (AutoGPT sends `<turn>:<redis-id>` so a client can resume). */
  id?: string;
  /** An SSE `event:` line; AI SDK clients ignore it. */
  event?: string;
};

/**
 * Fields AutoGPT's pydantic models keep off the wire (`exclude=True`): the AutoGPT encoder drops
 * them so that a scenario written with them still sends what the real backend sends.
 */
const autogptOffWire: Partial<Record<string, readonly string[]>> = {
  start: ['sessionId'],
  'tool-output-available': ['toolName', 'success'],
};

function toWire(chunk: UIMessageChunk, dialect: Dialect): object {
  if (dialect !== 'autogpt') return chunk;
  if (chunk.type === 'error') return { type: 'error', errorText: chunk.errorText };
  const hidden = autogptOffWire[chunk.type];
  if (!hidden) return chunk;
  return Object.fromEntries(Object.entries(chunk).filter(([key]) => !hidden.includes(key)));
}

function field(name: string, value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => `${name}: ${line}\n`)
    .join('');
}

export function encodeChunk(chunk: UIMessageChunk, options: EncodeOptions = {}): string {
  const head = (options.event === undefined ? '' : field('event', options.event)) + (options.id === undefined ? '' : field('id', options.id));
  return `${head}data: ${JSON.stringify(toWire(chunk, options.dialect ?? 'ai-sdk'))}\n\n`;
}

export function encodeDone(): string {
  return 'data: [DONE]\n\n';
}

/** An SSE comment; each line of `text` becomes its own `:` line. */
export function encodeComment(text: string): string {
  return `${text
    .split(/\r\n|\r|\n/)
    .map((line) => `: ${line}\n`)
    .join('')}\n`;
}

export function encodeHeartbeat(): string {
  return encodeComment('heartbeat');
}

/** AutoGPT's later usage reports travel as comments, which AI SDK clients ignore. */
export function encodeUsageComment(usage: Usage): string {
  return encodeComment(`usage ${JSON.stringify(usage)}`);
}
