/** Which responses are event streams to read: the one rule the page hook and the network log share. */

/** The header AI SDK UI message stream responses carry (`v1`). */
export const uiMessageStreamHeader = 'x-vercel-ai-ui-message-stream';

/** `text/event-stream` (any case, with parameters), or any response with the AI SDK header. */
export function isEventStream(contentType: string | null, uiMessageStream: string | null): boolean {
  if (uiMessageStream !== null) return true;
  if (contentType === null) return false;
  return contentType.split(';', 1)[0].trim().toLowerCase() === 'text/event-stream';
}
