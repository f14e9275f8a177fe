/** One `EventSource` event as SSE text, framed as a server would have sent it. */
export function eventText(type: string, data: string, id: string, lastId: string): string {
  let text = type === 'message' ? '' : `event: ${type}\n`;
  if (id !== lastId) text += `id: ${id}\n`;
  for (const line of data.split('\n')) text += `data: ${line}\n`;
  return `${text}\n`;
}
