/**
 * What a response body is when it is not a UI message stream (`wrong-protocol`): told from its
 * first line, or for an SSE body from its first `data` payload. The client reads any body as SSE:
 * lines that are not SSE fields are ignored, so a body of another protocol shows nothing at all
 * (useChat ends "ready" with no assistant message), and another protocol's SSE fails the chunk
 * schema at its first event.
 */
import { headerOf, type ResponseInfo } from './response-headers.js';

/** The first line's verdict: an SSE body (decided later, by its first event), or what it is instead. */
export type HeadKind = { sse: true } | { sse: false; what: string; clientDoes: string };

const showsNothing = 'the client finds no SSE event in it, so useChat ends "ready" with no assistant message and no error: the user sees nothing';
const failsFirstEvent = 'the client fails its chunk schema on the first event and ends the stream (useChat: status "error", "Type validation failed")';

/** `0:"text"`, `9:{…}`, `d:{…}`: one-character part codes of the AI SDK 4 data stream protocol. */
const dataStreamLine = /^[0-9a-z]:[["{0-9tfn-]/;
const sseField = /^(data|event|id|retry)(:|$)|^:/;

/** The body's kind from its first non-blank line (a BOM and leading blank lines skipped). */
export function headKind(firstLine: string): HeadKind {
  const line = firstLine.replace(/^\uFEFF/, '').trimStart();
  if (sseField.test(line)) return { sse: true };
  if (dataStreamLine.test(line)) {
    return {
      sse: false,
      what: 'the AI SDK 4 data stream protocol (`0:"text"`, `9:{…}`, `d:{…}` lines), not a UI message stream: the server uses `toDataStreamResponse()` or an ai 4 backend',
      clientDoes: showsNothing,
    };
  }
  if (line.startsWith('{') || line.startsWith('[')) return { sse: false, what: 'JSON (an error object or a non-streamed reply), not an event stream', clientDoes: showsNothing };
  if (line.startsWith('<')) return { sse: false, what: 'HTML or XML (an error page, a proxy or login page), not an event stream', clientDoes: showsNothing };
  return {
    sse: false,
    what: "plain text, not an event stream: a text stream (`toTextStreamResponse()`, read by useChat only with a `TextStreamChatTransport` / `streamProtocol: 'text'`)",
    clientDoes: showsNothing,
  };
}

const anthropicTypes = new Set(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop', 'ping']);

/** A provider's own SSE forwarded as is, told from the first event's payload; null for anything else. */
export function providerSse(payload: unknown, eventName: string | null): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const fields = payload as Record<string, unknown>;
  if (Array.isArray(fields.choices) || fields.object === 'chat.completion.chunk') {
    return "OpenAI's own SSE (`choices[].delta` chunks) forwarded as is, not a UI message stream: convert it with the AI SDK (`streamText(…).toUIMessageStreamResponse()`)";
  }
  const type = typeof fields.type === 'string' ? fields.type : eventName;
  if (type !== null && anthropicTypes.has(type)) {
    return "Anthropic's own SSE (`message_start`, `content_block_delta` events) forwarded as is, not a UI message stream: convert it with the AI SDK (`streamText(…).toUIMessageStreamResponse()`)";
  }
  return null;
}

export const providerClientDoes = failsFirstEvent;

/** The response's status and content type as far as known. */
function responseText(response: ResponseInfo | undefined): string {
  if (!response) return 'status and content type unknown';
  const contentType = headerOf(response, 'content-type');
  const status = response.status === undefined ? '' : `status ${response.status}, `;
  return `${status}${contentType === null ? 'no content type' : `content type "${contentType}"`}`;
}

/** The finding's message: what the body is, the response's status, content type and first bytes, what the client does. */
export function wrongProtocolMessage(what: string, clientDoes: string, response: ResponseInfo | undefined, head: string): string {
  const first = head.length > 80 ? `${head.slice(0, 80)}…` : head;
  return `the body is ${what} (${responseText(response)}; it begins ${JSON.stringify(first)}): ${clientDoes}`;
}

export const emptyBodyMessage = (response: ResponseInfo | undefined): string => `the body is empty (${responseText(response)}): ${showsNothing}`;
