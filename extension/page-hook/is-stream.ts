/** Whether a response is a stream to capture, from two of its headers. */
export function isEventStream(contentType: string | null, uiMessageStream: string | null): boolean {
  if (uiMessageStream !== null) return true;
  if (contentType === null) return false;
  return contentType.split(';', 1)[0].trim().toLowerCase() === 'text/event-stream';
}

/** Statuses whose responses never have a body. */
export function isNullBodyStatus(status: number): boolean {
  return status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
}
