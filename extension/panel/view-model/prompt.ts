/**
 * What tells one chat request from another: the text of the last user message in the request
 * body, as AI SDK front ends post it (`{ messages: [{ role: 'user', parts: [{ type: 'text', text }] }] }`,
 * or `content` as older ones do).
 */
type Message = { role?: unknown; parts?: unknown; content?: unknown };

function textOf(message: Message): string {
  if (typeof message.content === 'string') return message.content;
  if (!Array.isArray(message.parts)) return '';
  return message.parts
    .filter((part): part is { type: 'text'; text: string } => part?.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join(' ');
}

/** The parsed body's last user message, or null when the body is no chat. */
export function lastUserMessage(body: unknown): Message | null {
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return null;
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index] as Message | null;
    if (message && typeof message === 'object' && message.role === 'user') return message;
  }
  return null;
}

/** JSON of a request body, or undefined when it is none (or not JSON). */
export function parseBody(body: string | null): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** The last user message's text on one line, or null when the request is no chat. */
export function promptOf(body: unknown): string | null {
  const message = lastUserMessage(body);
  if (!message) return null;
  const text = textOf(message).replace(/\s+/g, ' ').trim();
  return text || null;
}

export type TranscriptLine = { role: string; text: string };

/** A chat body's messages as short lines (the last `max`), or null when the body is no chat. */
export function transcriptOf(body: unknown, max = 20, chars = 300): { lines: TranscriptLine[]; earlier: number } | null {
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return null;
  const lines = messages.slice(-max).map((message: Message | null) => {
    const role = typeof message?.role === 'string' ? message.role : '?';
    const text = message && typeof message === 'object' ? textOf(message).replace(/\s+/g, ' ').trim() : '';
    const parts = Array.isArray(message?.parts) ? message.parts.length : 0;
    const shown = text || (parts ? `(${parts} parts, no text)` : '');
    return { role, text: shown.length > chars ? `${shown.slice(0, chars)}…` : shown };
  });
  return { lines, earlier: Math.max(0, messages.length - max) };
}
