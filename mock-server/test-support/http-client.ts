/** What the mock server's tests send and read over HTTP. */

/** A chat request body as useChat posts it, with one user message. */
export const chatBody = (text: string, id = 'chat-x'): string => JSON.stringify({ id, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] });

/** Reads a response body until `until` matches what arrived so far, or to its end; returns the text read. */
export async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until?: RegExp): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!until?.test(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}
