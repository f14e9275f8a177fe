/**
 * The HTTP server's own behaviour: scenario selection, CORS, errors, scenario folders with hot
 * reload, and cleanup after aborted requests.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { createRegistry, type FileOutcome } from '../scenarios/registry.js';
import type { Scenario } from '../../protocol/scenarios/schema.js';
import { chatBody, readUntil } from '../test-support/http-client.js';
import { startMockServer, type MockServer } from './http-server.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0 });
});
afterAll(() => server.close());


async function servedScenario(path: string, init: RequestInit = {}): Promise<string | null> {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', ...init });
  await response.body?.cancel();
  return response.headers.get('x-streamscope-scenario');
}

describe('scenario selection', () => {
  it('takes the header first, then the query, then "/scenario NAME", then the default', async () => {
    const body = chatBody('/scenario reasoning');
    expect(await servedScenario('/api/chat?scenario=abort', { body, headers: { 'x-streamscope-scenario': 'slow-drip' } })).toBe('slow-drip');
    expect(await servedScenario('/api/chat?scenario=abort', { body })).toBe('abort');
    expect(await servedScenario('/api/chat', { body })).toBe('reasoning');
    expect(await servedScenario('/api/chat', { body: chatBody('hello') })).toBe('plain-text');
    expect(await servedScenario('/api/chat', { body: 'not json' })).toBe('plain-text');
  });

  it('answers an unknown scenario with 404 and the known names', async () => {
    const response = await fetch(`${server.url}/sse/nope`);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatch(/unknown scenario "nope"; known: .*plain-text/);
  });

  it('lists the scenarios with their dialect and expected findings', async () => {
    const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { name: string; dialect: string; expect: string[] }[];
    expect(list.find((entry) => entry.name === 'stuck-session')).toMatchObject({ dialect: 'autogpt', expect: ['missing-finish', 'missing-done', 'stall'] });
  });
});


const startChat = async (chatId: string, scenario: string) =>
  (await fetch(`${server.url}/api/chat`, { method: 'POST', body: chatBody('hi', chatId), headers: { 'x-streamscope-scenario': scenario } })).body!.getReader();

describe('stop and replace over plain HTTP', () => {
  it('stops a silently stalled stream with the default abort and [DONE]', async () => {
    const reader = await startChat('held', 'stall-silent');
    await readUntil(reader, /text-delta/);
    expect((await fetch(`${server.url}/api/chat/held/stop`, { method: 'POST' })).status).toBe(200);
    expect(await readUntil(reader)).toMatch(/data: \{"type":"abort"\}\n\ndata: \[DONE\]\n\n$/);
  });

  it('a new turn for the same chat ends the old stream, and resume follows the new one', async () => {
    const first = await startChat('again', 'stuck-session');
    await readUntil(first, /text-delta/);
    const second = await startChat('again', 'plain-text');
    expect(await readUntil(first)).not.toMatch(/"finish"/);
    const resumed = await fetch(`${server.url}/api/chat/again/stream`);
    expect(resumed.headers.get('x-streamscope-scenario')).toBe('plain-text');
    expect(await resumed.text()).toBe(await readUntil(second));
  });
});

describe('HTTP details', () => {
  it('answers CORS preflights and marks responses for other origins', async () => {
    const preflight = await fetch(`${server.url}/api/chat`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-streamscope-scenario' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,x-streamscope-scenario');
    const response = await fetch(`${server.url}/sse/abort`, { headers: { origin: 'http://localhost:5173' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    await response.text();
  });

  /** A raw request, so that `host` and `origin` are whatever the test says; resolves with the status and CORS header. */
  function rawRequest(url: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; allowOrigin: string | undefined }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(url, { method, headers, agent: false }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, allowOrigin: response.headers['access-control-allow-origin'] as string | undefined });
      });
      request.on('error', reject);
      request.end();
    });
  }

  it('refuses pages of other origins outright, and serves loopback pages and the server\'s own', async () => {
    const evil = await fetch(`${server.url}/api/chat`, { method: 'POST', body: chatBody('hi', 'evil'), headers: { origin: 'https://evil.example' } });
    expect([evil.status, evil.headers.get('access-control-allow-origin')]).toEqual([403, null]);
    expect((await evil.json()).error).toBe(
      '[streamscope] origin https://evil.example may not call this mock server: it answers pages on loopback origins; allow others with --cors ORIGIN (startMockServer\'s cors option)',
    );
    expect((await fetch(`${server.url}/api/chat/evil/stream`)).status).toBe(204);
    const preflight = await fetch(`${server.url}/api/chat`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    for (const origin of ['null', 'http://192.168.1.9:3000', 'http://localhost.evil.example']) {
      expect((await rawRequest(`${server.url}/api/scenarios`, { origin })).status).toBe(403);
    }
    for (const origin of ['http://127.0.0.1:3000', 'http://127.1.2.3', 'http://[::1]:5173', 'http://localhost', 'https://app.localhost:8443']) {
      expect(await rawRequest(`${server.url}/api/scenarios`, { origin })).toEqual({ status: 200, allowOrigin: origin });
    }
    // A server reached by another name (--host 0.0.0.0) serves its own pages: same host as the request.
    expect(await rawRequest(`${server.url}/api/scenarios`, { origin: 'http://devbox.lan:8787', host: 'devbox.lan:8787' })).toEqual({ status: 200, allowOrigin: 'http://devbox.lan:8787' });
    expect((await rawRequest(`${server.url}/api/scenarios`, { origin: 'http://devbox.lan:8787', host: 'other.lan:8787' })).status).toBe(403);
  });

  it('widens CORS to listed origins, or any with "*", and refuses what is not an origin', async () => {
    const listed = await startMockServer({ port: 0, cors: ['https://app.example', 'http://staging.example:3000/'] });
    const any = await startMockServer({ port: 0, cors: ['*'] });
    try {
      expect(await rawRequest(`${listed.url}/api/scenarios`, { origin: 'https://app.example' })).toEqual({ status: 200, allowOrigin: 'https://app.example' });
      expect((await rawRequest(`${listed.url}/api/scenarios`, { origin: 'http://staging.example:3000' })).status).toBe(200);
      expect((await rawRequest(`${listed.url}/api/scenarios`, { origin: 'https://other.example' })).status).toBe(403);
      expect(await rawRequest(`${any.url}/api/scenarios`, { origin: 'https://other.example' })).toEqual({ status: 200, allowOrigin: 'https://other.example' });
    } finally {
      await Promise.all([listed.close(), any.close()]);
    }
    await expect(startMockServer({ port: 0, cors: ['app.example'] })).rejects.toThrow(
      '[streamscope] CORS origin "app.example": expected "*" or an origin such as https://app.example:3000 (scheme, host and port only)',
    );
    await expect(startMockServer({ port: 0, cors: ['https://app.example/path'] })).rejects.toThrow(/CORS origin "https:\/\/app\.example\/path"/);
  });

  it('answers 413 to a body past the limit, declared or streamed, without reading the rest', async () => {
    const small = await startMockServer({ port: 0, maxBodyBytes: 1024 });
    try {
      const declared = await fetch(`${small.url}/api/chat`, { method: 'POST', body: 'x'.repeat(1025) });
      expect([declared.status, (await declared.json()).error]).toEqual([
        413,
        '[streamscope] request body over 1024 bytes: raise the limit with --max-body-mb (startMockServer\'s maxBodyBytes option)',
      ]);
      const streamed = await new Promise<number>((resolve, reject) => {
        // Chunked, no content-length: the server counts as it reads and stops at the limit.
        const request = httpRequest(`${small.url}/api/chat`, { method: 'POST', agent: false }, (response) => resolve(response.statusCode ?? 0));
        request.on('error', reject);
        request.write('y'.repeat(600));
        request.write('y'.repeat(600));
      });
      expect(streamed).toBe(413);
      const fits = await fetch(`${small.url}/api/chat`, { method: 'POST', body: chatBody('/scenario abort') });
      expect([fits.status, fits.headers.get('x-streamscope-scenario')]).toEqual([200, 'abort']);
      await fits.text();
    } finally {
      await small.close();
    }
  });

  it('answers 204 to a resume with nothing active, 404 to a stop with nothing to stop and to unknown paths', async () => {
    expect((await fetch(`${server.url}/api/chat/none/stream`)).status).toBe(204);
    expect((await fetch(`${server.url}/api/chat/none/stop`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
  });

  it('holds the status and headers back for headersDelayMs, on a counted timer, before the script starts', async () => {
    const delay = 150;
    const name = server.addScenario({ name: 'thinks-first', expect: [], headersDelayMs: delay, steps: [{ step: 'chunk', chunk: { type: 'start' } }] });
    const started = performance.now();
    let answered = false;
    const response = fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'x-streamscope-scenario': name }, body: chatBody('hi') }).then((value) => {
      answered = true;
      return value;
    });
    await vi.waitUntil(() => server.stats().activeTimers === 1);
    expect({ answered, activeStreams: server.stats().activeStreams }).toEqual({ answered: false, activeStreams: 0 });
    const headersAt = await response.then(() => performance.now() - started);
    // Load can only make the headers later, never earlier.
    expect(headersAt).toBeGreaterThanOrEqual(delay - 1);
    expect(await (await response).text()).toContain('"type":"start"');
  });

  it('refuses a negative or fractional headersDelayMs, naming the field', () => {
    expect(() => server.addScenario({ expect: [], headersDelayMs: -5, steps: [{ step: 'done' }] })).toThrow(/headersDelayMs/);
  });

  it('serves the demo page (or says how to build it) at /', async () => {
    const response = await fetch(server.url);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/streamscope/);
  });
});

describe('scenario folders', () => {
  it('adds valid files, reports bad ones by file and JSON path while serving the rest, and reloads on change', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'streamscope-scenarios-'));
    const reports: { file: string; result: FileOutcome | 'removed' }[] = [];
    const good = (description: string) => JSON.stringify({ description, expect: [], steps: [{ step: 'chunk', chunk: { type: 'start' } }, { step: 'done' }] });
    await writeFile(join(dir, 'mine.json'), good('first'));
    await writeFile(join(dir, 'broken.json'), JSON.stringify({ expect: [], steps: [{ step: 'chunk', chunk: { type: 'text-delta', id: 't' } }] }));
    const folder = await startMockServer({ port: 0, scenariosDir: dir, onScenarioFile: (file, result) => reports.push({ file, result }) });
    const list = async () => (await (await fetch(`${folder.url}/api/scenarios`)).json()) as { name: string; description: string }[];
    try {
      const broken = reports.find((report) => report.file.endsWith('broken.json'))?.result;
      expect(broken).toMatchObject({ ok: false, problems: [{ file: join(dir, 'broken.json'), path: '$.steps[0].chunk.delta', message: 'Invalid input: expected string, received undefined' }] });
      expect((await list()).find((entry) => entry.name === 'mine')?.description).toBe('first');
      expect((await fetch(`${folder.url}/sse/broken`)).status).toBe(404);
      expect((await fetch(`${folder.url}/sse/plain-text`)).status).toBe(200);

      await writeFile(join(dir, 'mine.json'), good('second'));
      await vi.waitFor(async () => expect((await list()).find((entry) => entry.name === 'mine')?.description).toBe('second'), { timeout: 5000, interval: 50 });
      await writeFile(join(dir, 'broken.json'), good('fixed'));
      await vi.waitFor(async () => expect((await list()).map((entry) => entry.name)).toContain('broken'), { timeout: 5000, interval: 50 });
    } finally {
      await folder.close();
      await rm(dir, { recursive: true });
    }
  });

  const good = (name: string | undefined, description: string) => JSON.stringify({ name, description, expect: [], steps: [{ step: 'done' }] });
  const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 50 });

  async function folderServer(files: Record<string, string>) {
    const dir = await mkdtemp(join(tmpdir(), 'streamscope-scenarios-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const reports: { file: string; outcome: FileOutcome | 'removed' }[] = [];
    const server = await startMockServer({ port: 0, scenariosDir: dir, onScenarioFile: (file, outcome) => reports.push({ file, outcome }) });
    const list = async () => (await (await fetch(`${server.url}/api/scenarios`)).json()) as { name: string; description: string; source: string }[];
    const descriptionOf = async (name: string) => (await list()).find((entry) => entry.name === name)?.description;
    return { dir, reports, server, list, descriptionOf, [Symbol.asyncDispose]: async () => (await server.close(), await rm(dir, { recursive: true, force: true })) };
  }

  it('lists a file scenario by its file name, never an absolute path', async () => {
    await using folder = await folderServer({ 'mine.json': good(undefined, 'mine') });
    const entries = await folder.list();
    expect(entries.find((entry) => entry.name === 'mine')?.source).toBe('mine.json');
    expect(entries.find((entry) => entry.name === 'plain-text')?.source).toBe('builtin');
    expect(JSON.stringify(entries)).not.toContain(folder.dir);
  });

  it('refuses a second file with a name already served, naming both files; the first keeps serving', async () => {
    await using folder = await folderServer({ 'a.json': good('same', 'from a'), 'b.json': good('same', 'from b') });
    expect(folder.reports.find((report) => report.file.endsWith('b.json'))?.outcome).toEqual({
      ok: false,
      problems: [{ file: join(folder.dir, 'b.json'), path: '$.name', message: `scenario "same" is already served from ${join(folder.dir, 'a.json')}; scenario names must be unique: rename one` }],
    });
    expect(await folder.descriptionOf('same')).toBe('from a');
    await writeFile(join(folder.dir, 'a.json'), good('same', 'a again'));
    await until(async () => expect(await folder.descriptionOf('same')).toBe('a again'));
  });

  it('keeps serving the last good version of a file saved broken, and says so', async () => {
    await using folder = await folderServer({ 'mine.json': good(undefined, 'good') });
    await writeFile(join(folder.dir, 'mine.json'), '{"expect": [], "steps": [');
    await until(() => expect(folder.reports.at(-1)?.outcome).toMatchObject({ ok: false, problems: [{ path: '$', message: expect.stringMatching(/^not valid JSON/) }], kept: { name: 'mine' } }));
    expect(await folder.descriptionOf('mine')).toBe('good');
    expect((await fetch(`${folder.server.url}/sse/mine`)).status).toBe(200);
    await writeFile(join(folder.dir, 'mine.json'), good(undefined, 'fixed'));
    await until(async () => expect(await folder.descriptionOf('mine')).toBe('fixed'));
  });

  it('drops the scenarios of a folder that disappears, and watches it again when it comes back', async () => {
    await using folder = await folderServer({ 'mine.json': good(undefined, 'before') });
    await rm(folder.dir, { recursive: true });
    await until(async () => expect(await folder.descriptionOf('mine')).toBeUndefined());
    await mkdir(folder.dir);
    await writeFile(join(folder.dir, 'mine.json'), good(undefined, 'recreated'));
    await until(async () => expect(await folder.descriptionOf('mine')).toBe('recreated'));
    await writeFile(join(folder.dir, 'mine.json'), good(undefined, 'edited after'));
    await until(async () => expect(await folder.descriptionOf('mine')).toBe('edited after'));
  });
});

/**
 * A client that drops the connection after the first bytes, as a closed tab does. Its own socket
 * (no agent), so that what stays open afterwards is the server's doing.
 */
function dropAfterFirstBytes(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (response) => {
      response.once('data', () => {
        request.destroy();
        resolve();
      });
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

describe('cleanup', () => {
  it('leaves no streams, timers or sockets after 1,000 aborted requests', async () => {
    const local = await startMockServer({ port: 0, resumeWindowMs: 100 });
    const names = ['stuck-session', 'stall-silent', 'plain-text', 'long-tool'];
    try {
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(
          Array.from({ length: 100 }, (_, index) => {
            const n = batch * 100 + index;
            const name = names[n % names.length];
            // Half are chat turns (resumable: they wait a moment for a reader), half EventSource streams.
            return n % 2
              ? dropAfterFirstBytes(`${local.url}/api/chat`, { method: 'POST', body: chatBody('hi', `chat-${n}`), headers: { 'x-streamscope-scenario': name } })
              : dropAfterFirstBytes(`${local.url}/sse/${name}`);
          }),
        );
      }
      await vi.waitFor(() => expect(local.stats()).toEqual({ activeStreams: 0, activeTimers: 0, sockets: 0 }), { timeout: 5000, interval: 20 });
    } finally {
      await local.close();
    }
  });
});

describe('a step that cannot play', () => {
  // Validation rules these out (see playable.ts); a registry built in code skips it, so playing must cope too.
  const deep = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => [inner], 1);
  const unplayable = [
    { name: 'bad-base64', expect: [], steps: [{ step: 'chunk', chunk: { type: 'start' } }, { step: 'raw', data: '@@not base64@@', encoding: 'base64' }, { step: 'done' }] },
    { name: 'too-deep', expect: [], steps: [{ step: 'chunk', chunk: { type: 'start' } }, { step: 'chunk', chunk: { type: 'data-deep', data: deep(20_000) } }] },
    { name: 'runaway-repeat', expect: [], steps: [{ step: 'chunk', chunk: { type: 'start' } }, { step: 'text', text: 'x', repeat: 2 ** 30 }] },
  ] as unknown as Scenario[];

  it('ends the stream with an SSE comment and a log line, frees its session, and lets the server shut down', async () => {
    const lines: string[] = [];
    const local = await startMockServer({ port: 0, registry: createRegistry(unplayable), log: (line) => lines.push(line) });
    try {
      expect(await (await fetch(`${local.url}/sse/bad-base64`)).text()).toMatch(
        /^data: \{"type":"start"\}\n\n: streamscope: \$\.steps\[1\] \(raw\) could not play: .+\n\n$/,
      );
      expect(await (await fetch(`${local.url}/sse/too-deep`)).text()).toMatch(/: streamscope: \$\.steps\[1\] \(chunk\) could not play: Maximum call stack size exceeded\n\n$/);
      const chat = await fetch(`${local.url}/api/chat`, { method: 'POST', body: chatBody('/scenario runaway-repeat', 'runaway') });
      expect(await chat.text()).toMatch(/: streamscope: \$\.steps\[1\] \(text\) could not play: Invalid string length\n\n$/);
      expect(lines).toEqual([
        expect.stringMatching(/^\[streamscope\] scenario "bad-base64": \$\.steps\[1\] \(raw\) could not play: .+; the stream was ended$/),
        '[streamscope] scenario "too-deep": $.steps[1] (chunk) could not play: Maximum call stack size exceeded; the stream was ended',
        '[streamscope] scenario "runaway-repeat": $.steps[1] (text) could not play: Invalid string length; the stream was ended',
      ]);
      expect((await fetch(`${local.url}/api/chat/runaway/stream`)).status).toBe(204);
      expect(local.stats()).toMatchObject({ activeStreams: 0, activeTimers: 0 });
    } finally {
      await local.close();
    }
    await expect(fetch(`${local.url}/sse/bad-base64`)).rejects.toThrow();
  });
});
