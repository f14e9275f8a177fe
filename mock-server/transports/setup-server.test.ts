/** The same handlers in-process, behind MSW's `setupServer`, read by the AI SDK client. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DefaultChatTransport, readUIMessageStream, type UIMessage } from 'ai';
import { setupMockServer } from './setup-server.js';

const mock = setupMockServer({ baseUrl: 'http://mock.streamscope.test' });
beforeAll(() => mock.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mock.close());

const hello: UIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: '/scenario slow-drip' }] };

it('streams a scenario to DefaultChatTransport chunk by chunk, while the script is still playing', async () => {
  const transport = new DefaultChatTransport({ api: 'http://mock.streamscope.test/api/chat' });
  const stream = await transport.sendMessages({ trigger: 'submit-message', chatId: 'in-process', messageId: undefined, messages: [hello], abortSignal: undefined });
  const reader = stream.getReader();
  expect((await reader.read()).value).toEqual({ type: 'start', messageId: 'msg-slow' });
  // The first chunk is out while the scenario still has seconds to play: nothing was buffered.
  expect(mock.context.stats.activeStreams).toBe(1);
  reader.releaseLock();
  const messages: UIMessage[] = [];
  for await (const message of readUIMessageStream({ stream, terminateOnError: true })) messages.push(message);
  expect(messages.at(-1)?.parts.at(-1)).toEqual({ type: 'text', text: 'Slow drip.', state: 'done' });
  expect(mock.context.stats).toEqual({ activeStreams: 0, activeTimers: 0 });
});

it('close() also ends streams that would never end, so no timer outlives the tests', async () => {
  const response = await fetch('http://mock.streamscope.test/sse/stuck-session');
  await response.body!.getReader().read();
  expect(mock.context.stats.activeStreams).toBe(1);
  mock.close();
  expect(mock.context.stats).toEqual({ activeStreams: 0, activeTimers: 0 });
});
