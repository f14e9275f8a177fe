import { indexOf, stringSlice } from './natives.js';

/** One `EventSource` event as SSE text, framed as a server would have sent it (split with the
 * saved string built-ins: the page may have replaced `split` and the array iterator). */
export function eventText(type: string, data: string, id: string, lastId: string): string {
  let text = type === 'message' ? '' : `event: ${type}\n`;
  if (id !== lastId) text += `id: ${id}\n`;
  for (let from = 0; ; ) {
    const end = indexOf(data, '\n', from);
    text += `data: ${stringSlice(data, from, end === -1 ? data.length : end)}\n`;
    if (end === -1) break;
    from = end + 1;
  }
  return `${text}\n`;
}
