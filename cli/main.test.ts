import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { decodeReportSchema } from '../protocol/index.js';
import { deniedApprovalTurn } from '../protocol/test-support/ai-sdk-streams.js';

const samples = fileURLToPath(new URL('../protocol/fixtures/', import.meta.url));
const tool = join(samples, 'ai-sdk-tool-multistep.sse');
const autogpt = join(samples, 'autogpt-copilot-turn.sse');

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** The command exits 2 with one line on stderr matching `message`: no output, no stack trace. */
async function expectUsageError(argv: string[], message: RegExp): Promise<void> {
  const { code, stderr, stdout } = await cli(...argv);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(message);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

const scratch = mkdtempSync(join(tmpdir(), 'streamscope-cli-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};

describe('streamscope decode', () => {
  it('prints the decode report as JSON', async () => {
    const { code, stdout } = await cli('decode', tool, '--json');
    expect(code).toBe(0);
    const report = decodeReportSchema.parse(JSON.parse(stdout));
    expect(report.summary.chunks).toBe(15);
    expect(report.message.parts.map((part) => part.type)).toEqual(['step-start', 'tool-weather', 'step-start', 'text']);
  });

  it('prints a readable table with findings and the rebuilt message', async () => {
    const { code, stdout } = await cli('decode', autogpt);
    expect(code).toBe(0);
    expect(stdout).toMatch(/unknown-type\s+usage .*← unknown-type/);
    expect(stdout).toContain('dialect autogpt');
    expect(stdout).toContain('text (done): "Done: 1, 2, 3"');
  });

  it('can be told the dialect', async () => {
    const { stdout } = await cli('decode', autogpt, '--json', '--dialect', 'ai-sdk');
    expect(JSON.parse(stdout).summary).toMatchObject({ dialect: 'ai-sdk', usage: null });
  });
});

describe('streamscope lint', () => {
  it('exits 0 on a healthy stream and 1 when findings reach --fail-on', async () => {
    expect((await cli('lint', tool)).code).toBe(0);
    const broken = await cli('lint', autogpt);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^.*autogpt-copilot-turn\.sse: error\s+unknown-type\s+event 16/m);
    expect((await cli('lint', tool, '--fail-on', 'info')).code).toBe(0);
    const noDone = file('no-done.sse', 'data: {"type":"start"}\n\ndata: {"type":"finish"}\n\n');
    expect((await cli('lint', noDone)).code).toBe(0);
    expect((await cli('lint', noDone, '--fail-on', 'info')).code).toBe(1);
  });

  it.each([
    ['a missing file', ['lint', join(scratch, 'nope.sse')], /nope\.sse: no such file/],
    ['a directory', ['lint', scratch], /is a directory/],
    ['binary input', ['decode', file('binary.bin', new Uint8Array([0x64, 0x61, 0, 1, 2, 0xff]))], /binary data/],
    ['invalid UTF-8', ['decode', file('latin1.sse', new Uint8Array([0x64, 0x61, 0x74, 0x61, 0x3a, 0xe9, 0x0a]))], /not valid UTF-8/],
    ['a port fetch blocks', ['lint', 'http://127.0.0.1:9/api/chat'], /cannot connect \(fetch refuses to use port 9, one of the ports browsers block\)/],
    ['an unknown option', ['lint', tool, '--nope'], /Unknown option '--nope'/],
    ['a bad --fail-on', ['lint', tool, '--fail-on', 'fatal'], /--fail-on fatal: expected one of error, warning, info/],
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 with one clear line for %s', async (_name, argv, message) => {
    await expectUsageError(argv, message);
  });

  it('exits 2 with one clear line for an unreachable URL', async () => {
    // A port that was just free: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expectUsageError(['lint', `http://127.0.0.1:${port}/api/chat`], /cannot connect \(ECONNREFUSED\)/);
  });
});

describe('a stream that continues the assistant message (--message)', () => {
  it('is linted as the client continues it, from a UI message or the chat request ending with it', async () => {
    const turn = await deniedApprovalTurn();
    const response = file('continued.sse', turn.response);
    const alone = await cli('lint', response);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toMatch(/orphan-tool-output/);
    for (const start of [file('message.json', JSON.stringify(turn.message)), file('request.json', turn.requestBody)]) {
      const continued = await cli('lint', response, '--message', start);
      expect(continued).toEqual({ code: 0, stdout: `${response}: no findings\n1 file read · 0 errors, 0 warnings, 0 info · 0 files with findings at or above error\n`, stderr: '' });
    }
    const { stdout } = await cli('decode', response, '--json', '--message', file('request.json', turn.requestBody));
    expect(decodeReportSchema.parse(JSON.parse(stdout)).message.parts.map((part) => part.state)).toEqual([undefined, 'output-denied', undefined, 'done']);
  });

  it.each([
    ['not JSON', '{"id":', /--message .*bad\.json: not JSON \(/],
    ['a user message', JSON.stringify({ id: 'u', role: 'user', parts: [] }), /--message .*bad\.json: not an assistant UI message \(role: /],
    ['a chat ending with the user', JSON.stringify({ messages: [{ id: 'u', role: 'user', parts: [] }] }), /not a chat request whose last message is the assistant's \(role: /],
  ])('exits 2 with one clear line for a --message file that is %s', async (_, content, message) => {
    await expectUsageError(['lint', tool, '--message', file('bad.json', content)], message);
  });

  it('exits 2 when the stream and the message would both come from standard input', async () => {
    await expectUsageError(['decode', '-', '--message', '-'], /--message -: standard input already carries the stream/);
  });
});

describe('the app\'s schemas (--schemas)', () => {
  const weather = JSON.stringify({ tools: { weather: { input: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } } });
  const call = (input: string) =>
    ['{"type":"start"}', `{"type":"tool-input-available","toolCallId":"c","toolName":"weather","input":${input}}`, '{"type":"tool-output-available","toolCallId":"c","output":1}', '{"type":"finish"}', '[DONE]']
      .map((data) => `data: ${data}\n\n`)
      .join('');

  it('reports tool input that does not match the app\'s schema, with the JSON path', async () => {
    const schemas = file('schemas.json', weather);
    const bad = await cli('lint', file('bad-input.sse', call('{"city":1}')), '--schemas', schemas, '--fail-on', 'warning');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/warning\s+tool-input-invalid\s+event 1\s+.*\$\.city/);
    expect((await cli('lint', file('good-input.sse', call('{"city":"Oslo"}')), '--schemas', schemas, '--fail-on', 'warning')).code).toBe(0);
  });

  it.each([
    ['not JSON', '{"tools":', /--schemas .*bad-schemas\.json: not JSON \(/],
    ['not a schemas file', '{"tools":{"weather":{"input":5}}}', /--schemas .*bad-schemas\.json: not an app schemas file \(tools\.weather\.input: /],
    ['a schema zod cannot read', '{"metadata":{"if":{"type":"string"},"then":{"minLength":1}}}', /--schemas .*bad-schemas\.json: not an app schemas file \(metadata: /],
  ])('exits 2 with one clear line naming the file for --schemas %s', async (_, content, message) => {
    await expectUsageError(['lint', tool, '--schemas', file('bad-schemas.json', content)], message);
  });

  it('exits 2 for a missing --schemas file', async () => {
    await expectUsageError(['lint', tool, '--schemas', join(scratch, 'none.json')], /none\.json: no such file/);
  });
});

describe('streamscope lint URL', () => {
  let server: Server;
  let base: string;
  let continuation = '';
  beforeAll(async () => {
    continuation = (await deniedApprovalTurn()).response;
    server = createServer((request, response) => {
      if (request.url === '/error') {
        response.writeHead(500).end('boom');
        return;
      }
      if (request.url === '/text-plain') {
        response.writeHead(200, { 'content-type': 'text/plain', 'x-accel-buffering': 'no' }).end('data: {"type":"start"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n');
        return;
      }
      if (request.url === '/continue') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'x-accel-buffering': 'no' }).end(continuation);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"type":"start"}\n\n');
      // The gap the linter must time: heartbeats alone do not end a stall.
      const beat = setInterval(() => response.write(': heartbeat\n\n'), 40);
      setTimeout(() => {
        clearInterval(beat);
        response.end('data: {"type":"finish"}\n\ndata: [DONE]\n\n');
      }, 400);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('streams the response live and reports a stall from arrival times', async () => {
    const { code, stdout } = await cli('lint', `${base}/chat`, '--stall-ms', '200', '--fail-on', 'warning', '--data', '{"messages":[]}');
    expect(stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/chat: warning\s+stall\s+(event \d+|stream)\s+0\.\d s without a chunk/m);
    expect(code).toBe(1);
  });

  it('continues the assistant message that ends the chat posted with --data, as useChat does', async () => {
    const { requestBody } = await deniedApprovalTurn();
    expect(await cli('lint', `${base}/continue`, '--data', requestBody)).toMatchObject({ code: 0, stdout: expect.stringMatching(/\/continue: no findings\n/), stderr: '' });
    expect((await cli('lint', `${base}/continue`, '--data', '{"messages":[]}')).stdout).toMatch(/orphan-tool-output/);
  });

  it('decodes a URL like lint does, each event timed', async () => {
    const { code, stdout } = await cli('decode', `${base}/text-plain`, '--json');
    expect(code).toBe(0);
    const report = decodeReportSchema.parse(JSON.parse(stdout));
    expect(report.summary).toMatchObject({ chunks: 2, finished: true, done: true });
    expect(report.events.every((event) => typeof event.at === 'number')).toBe(true);
  });

  it('checks the response headers (header-problem)', async () => {
    const { code, stdout } = await cli('lint', `${base}/text-plain`, '--fail-on', 'warning');
    expect(code).toBe(1);
    expect(stdout).toMatch(/warning\s+header-problem\s+stream\s+"content-type: text\/plain", not "text\/event-stream"/);
  });

  it('lints an HTTP error answer: what the body is instead, with its status', async () => {
    const { code, stdout } = await cli('lint', `${base}/error`);
    expect(code).toBe(1);
    expect(stdout).toMatch(/error\s+wrong-protocol\s+stream\s+.*500.*boom/);
  });
});
