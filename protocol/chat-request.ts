/**
 * What a chat request says about its response. `DefaultChatTransport` posts the whole chat
 * (`{ messages: [...], ... }`), and useChat continues the last message when it is the
 * assistant's — after a tool approval, or a client-side tool's output — so the response's chunks
 * refer to that message's tool calls. Any other body continues nothing.
 */
import { z } from 'zod';
import { uiMessageSchema, type UIMessage } from './schemas/report.js';

const chatRequestSchema = z.looseObject({ messages: z.array(z.unknown()).min(1) });

/** The last message of a parsed chat request body; undefined when the value is not one. */
export function lastChatMessage(value: unknown): unknown {
  const request = chatRequestSchema.safeParse(value);
  return request.success ? request.data.messages.at(-1) : undefined;
}

/** The assistant message the response to a parsed chat request body continues, if any. */
export function continuedMessageOf(request: unknown): UIMessage | undefined {
  const last = uiMessageSchema.safeParse(lastChatMessage(request));
  return last.success ? (last.data as UIMessage) : undefined;
}

/** The assistant message a chat request's response continues, if any, from the body's text. */
export function continuedMessage(body: string | null | undefined): UIMessage | undefined {
  if (!body) return undefined;
  try {
    return continuedMessageOf(JSON.parse(body));
  } catch {
    return undefined;
  }
}
