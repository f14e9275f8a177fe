/**
 * What tests do to a running mock: hold a stream until released (in-process and over HTTP),
 * serve a scenario object at runtime, and pick the default scenario per server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chatBody, readUntil } from '../test-support/http-client.js';
import { startMockServer, type MockServer } from '../transports/http-server.js';

const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function start(options: Parameters<typeof startMockServer>[0] = {}): Promise<MockServer> {
  const server = await startMockServer({ port: 0, ...options });
  servers.push(server);
  return server;
}

const held = {
  name: 'held-answer',
  expect: [],
  steps: [
    { step: 'chunk', chunk: { type: 'start' } },
    { step: 'text', text: 'Before.', id: 'a' },
    { step: 'hold', name: 'tool-result' },
    { step: 'text', text: 'After.', id: 'b' },
    { step: 'chunk', chunk: { type: 'finish' } },
    { step: 'done' },
  ],
};



describe('hold step', () => {
  it('sends nothing past the hold until released in-process, then plays the rest', async () => {
    const server = await start();
    server.addScenario(held);
    const reader = (await fetch(`${server.url}/sse/held-answer`)).body!.getReader();
    await server.held('tool-result');
    expect(server.context.holds.counts()).toEqual({ 'tool-result': 1 });
    // Everything before the hold leaves in one batch with nothing after it.
    expect(await readUntil(reader, /"text-end","id":"a"/)).toMatch(/"delta":"Before\."[^]*"text-end","id":"a"\}\n\n$/);
    expect(server.release('tool-result')).toBe(1);
    const rest = await readUntil(reader);
    expect(rest).toMatch(/"delta":"After\."[\s\S]*"type":"finish"[\s\S]*data: \[DONE\]\n\n$/);
    expect(server.stats()).toMatchObject({ activeStreams: 0, activeTimers: 0 });
  });

  it('is released over HTTP too, and says when nothing is held', async () => {
    const server = await start();
    server.addScenario(held);
    expect(await (await fetch(`${server.url}/api/holds/tool-result/release`, { method: 'POST' })).json()).toEqual({ released: 0 });
    const reader = (await fetch(`${server.url}/sse/held-answer`)).body!.getReader();
    await server.held('tool-result');
    expect(await (await fetch(`${server.url}/api/holds`)).json()).toEqual({ 'tool-result': 1 });
    const release = await fetch(`${server.url}/api/holds/tool-result/release`, { method: 'POST' });
    expect([release.status, await release.json()]).toEqual([200, { released: 1 }]);
    expect(await readUntil(reader)).toMatch(/data: \[DONE\]\n\n$/);
    expect((await fetch(`${server.url}/api/holds/tool-result/release`, { method: 'POST' })).status).toBe(404);
  });

  it('releases every stream held at the name, and none of another name', async () => {
    const server = await start();
    server.addScenario(held);
    server.addScenario({ ...held, name: 'other-hold', steps: [{ step: 'hold', name: 'elsewhere' }, { step: 'done' }] });
    const readers = await Promise.all(['held-answer', 'held-answer', 'other-hold'].map(async (name) => (await fetch(`${server.url}/sse/${name}`)).body!.getReader()));
    await server.held('elsewhere');
    await Promise.all(readers.slice(0, 2).map((reader) => readUntil(reader, /"id":"a"}\n\n$/)));
    expect(server.release('tool-result')).toBe(2);
    await Promise.all(readers.slice(0, 2).map((reader) => readUntil(reader)));
    expect(server.context.holds.counts()).toEqual({ elsewhere: 1 });
    await readers[2].cancel();
  });

  it('a stop, a new turn or a client leaving frees a held stream: no hold, stream or timer left', async () => {
    const server = await start({ resumeWindowMs: 0 });
    server.addScenario(held);
    const post = (chat: string) => fetch(`${server.url}/api/chat`, { method: 'POST', body: chatBody('/scenario held-answer', chat) });

    const stopped = (await post('stopped')).body!.getReader();
    await server.held('tool-result');
    expect((await fetch(`${server.url}/api/chat/stopped/stop`, { method: 'POST' })).status).toBe(200);
    expect(await readUntil(stopped)).toMatch(/\{"type":"abort"\}\n\ndata: \[DONE\]\n\n$/);

    const replaced = (await post('again')).body!.getReader();
    await server.held('tool-result');
    const second = (await post('again')).body!.getReader();
    expect(await readUntil(replaced)).not.toContain('After.');

    await server.held('tool-result');
    await second.cancel();
    await expect.poll(() => server.stats()).toMatchObject({ activeStreams: 0, activeTimers: 0 });
    expect(server.context.holds.counts()).toEqual({});
    expect(server.release('tool-result')).toBe(0);
  });

  it('held() gives up on its signal, and when the server closes', async () => {
    const server = await start();
    const controller = new AbortController();
    const aborted = server.held('never', { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toThrow('[streamscope] stopped waiting for a stream to reach hold "never"');
    const closing = server.held('never');
    await server.close();
    await expect(closing).rejects.toThrow('[streamscope] the mock server closed before a stream reached hold "never"');
  });

  it('rejects hold names outside the name rule', async () => {
    const server = await start();
    expect(() => server.addScenario({ expect: [], steps: [{ step: 'hold', name: 'Not OK' }] })).toThrow(
      '[streamscope] invalid scenario object:\nruntime-1: $.steps[0].name: lowercase letters, digits and dashes',
    );
  });
});

describe('scenarios at runtime and the default scenario', () => {
  it('useScenario(object) serves it and makes it the default; useScenario(name) switches back', async () => {
    const server = await start();
    const name = server.useScenario({ expect: [], steps: [{ step: 'chunk', chunk: { type: 'start', messageId: 'mine' } }, { step: 'done' }] });
    expect(name).toBe('runtime-1');
    const chat = await fetch(`${server.url}/api/chat`, { method: 'POST', body: chatBody('hello') });
    expect([chat.headers.get('x-streamscope-scenario'), await chat.text()]).toEqual(['runtime-1', 'data: {"type":"start","messageId":"mine"}\n\ndata: [DONE]\n\n']);
    const listed = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { name: string; source: string }[];
    expect(listed.find((entry) => entry.name === 'runtime-1')?.source).toBe('runtime');
    server.useScenario('abort');
    const again = await fetch(`${server.url}/api/chat`, { method: 'POST', body: chatBody('hello') });
    expect(again.headers.get('x-streamscope-scenario')).toBe('abort');
    await again.body?.cancel();
  });

  it('a named object replaces the scenario of that name on this server only', async () => {
    const [one, two] = [await start(), await start()];
    one.addScenario({ name: 'plain-text', expect: [], steps: [{ step: 'done' }] });
    expect(await (await fetch(`${one.url}/sse/plain-text`)).text()).toBe('data: [DONE]\n\n');
    expect(await (await fetch(`${two.url}/sse/plain-text`)).text()).toContain('"type":"finish"');
  });

  it('refuses an invalid object with its JSON paths, and an unknown default', async () => {
    const server = await start();
    expect(() => server.useScenario({ expect: [], steps: [{ step: 'chunk', chunk: { type: 'text-delta', id: 't' } }] })).toThrow(
      'runtime-1: $.steps[0].chunk.delta: Invalid input: expected string, received undefined',
    );
    expect(() => server.useScenario('nope')).toThrow(/cannot make "nope" the default: no such scenario \(known: .*plain-text/);
    await expect(start({ defaultScenario: 'nope' })).rejects.toThrow(/cannot make "nope" the default/);
  });

  it('takes the default per server from defaultScenario', async () => {
    const server = await start({ defaultScenario: 'reasoning' });
    const chat = await fetch(`${server.url}/api/chat`, { method: 'POST', body: chatBody('hello') });
    expect(chat.headers.get('x-streamscope-scenario')).toBe('reasoning');
    await chat.body?.cancel();
  });
});
