import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeChunk, encodeDone } from './encoder.js';
import { createReassembler } from './reassembler.js';
import { chunkSequence } from './test-support/chunk-arbitraries.js';
import { decodeStream } from './decode-stream.js';
import { aiSdkStreams, deniedApprovalResponse, deniedApprovalTurn, type AiSdkStreamName } from './test-support/ai-sdk-streams.js';
import { continuedMessage } from './chat-request.js';
import { runSdkClient } from './test-support/client.js';
import { sseOf } from './test-support/linter-cases.js';
import type { FindingCode, UIMessage } from './schemas/report.js';
import type { UIMessageChunk } from './schemas/chunks.js';

const samples = fileURLToPath(new URL('./fixtures', import.meta.url));
const sse = (chunks: UIMessageChunk[]): string => chunks.map((chunk) => encodeChunk(chunk)).join('') + encodeDone();

/** Findings above `info` that a stream the SDK produced rightly has: what the client does with it. */
const expectedFindings: Partial<Record<AiSdkStreamName, FindingCode[]>> = {
  error: ['error-chunk'],
  // `createUIMessageStream` sends the error chunk and ends: no `start`, no `finish`.
  'error in execute': ['error-chunk', 'missing-finish'],
};

describe('reassembly of streams made by the AI SDK server code equals readUIMessageStream', () => {
  for (const [name, make] of Object.entries(aiSdkStreams) as [AiSdkStreamName, () => Promise<string>][]) {
    it(name, async () => {
      const bytes = await make();
      const [report, client] = await Promise.all([decodeStream(bytes), runSdkClient(bytes)]);
      const serious = report.findings.filter((finding) => finding.severity !== 'info').map((finding) => finding.code);
      expect(serious).toEqual(expectedFindings[name] ?? []);
      expect(client.message).toBeDefined();
      expect(report.message).toEqual(client.message);
      // The error chunk is the only thing the client reports for these streams.
      expect(client.error?.message).toBe(serious.includes('error-chunk') ? 'An error occurred.' : undefined);
    });
  }

  it('byte splits do not change the message', async () => {
    const bytes = await aiSdkStreams['multi-step tool calls']();
    const encoded = new TextEncoder().encode(bytes);
    const pieces = Array.from({ length: Math.ceil(encoded.length / 7) }, (_, i) => encoded.slice(i * 7, i * 7 + 7));
    const [report, client] = await Promise.all([decodeStream(toAsync(pieces)), runSdkClient(bytes, 'ai', { cuts: pieces.map((_, i) => i * 7) })]);
    expect(report.message).toEqual(client.message);
  });

  it('a denial sent in a new response (as streamText does) is an orphan for the client and for us', async () => {
    const bytes = await deniedApprovalResponse();
    const [report, client] = await Promise.all([decodeStream(bytes), runSdkClient(bytes)]);
    expect(client.error?.message).toBe('No tool invocation found for tool call ID "call-1".');
    expect(report.findings.map((finding) => finding.code)).toContain('orphan-tool-output');
    expect(report.message).toEqual(client.message ?? { id: '', role: 'assistant', parts: [] });
  });
});

describe('a response that continues the chat\'s last assistant message (useChat after a tool approval)', () => {
  it('is the message the client continues, with no orphan, when the decoder is given that message', async () => {
    const turn = await deniedApprovalTurn();
    const message = continuedMessage(turn.requestBody);
    expect(message).toEqual(turn.message);
    const [report, client] = await Promise.all([decodeStream(turn.response, { message }), runSdkClient(turn.response, 'ai', { message })]);
    expect(client.error).toBeUndefined();
    expect(report.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
    expect(report.message).toEqual(client.message);
    // The denied call and the new text are in one message, as the chat shows them.
    expect(report.message.parts.map((part) => [part.type, part.state])).toEqual([
      ['step-start', undefined],
      ['tool-delete', 'output-denied'],
      ['step-start', undefined],
      ['text', 'done'],
    ]);
  });

  it('is an orphan without that message, for the client as for us', async () => {
    const turn = await deniedApprovalTurn();
    const [report, client] = await Promise.all([decodeStream(turn.response), runSdkClient(turn.response)]);
    expect(client.error?.message).toBe('No tool invocation found for tool call ID "call-1".');
    expect(report.findings.map((finding) => finding.code)).toContain('orphan-tool-output');
  });

  it('matches readUIMessageStream continuing any message it built, orphans included', async () => {
    let continued = 0;
    await fc.assert(
      fc.asyncProperty(chunkSequence, chunkSequence, async (before, after) => {
        const message = (await runSdkClient(sse(before))).message;
        if (!message) return;
        continued++;
        const [report, client] = await Promise.all([decodeStream(sse(after), { message }), runSdkClient(sse(after), 'ai', { message })]);
        expect(report.message).toEqual(client.message ?? message);
        const orphans = report.findings.filter((finding) => finding.code === 'orphan-delta' || finding.code === 'orphan-tool-output');
        if (!client.error) expect(orphans).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // About half the prefixes publish a message: enough continue for the property to mean something.
    expect(continued).toBeGreaterThan(100);
  });

  it('starts from a copy: the message given is not changed', async () => {
    const start: UIMessage = { id: 'm1', role: 'assistant', parts: [{ type: 'text', text: 'a', state: 'done' }] };
    const before = structuredClone(start);
    const report = await decodeStream(sse([{ type: 'start', messageId: 'm1' }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'b' }]), { message: start });
    expect(start).toEqual(before);
    expect(report.message.parts.map((part) => part.text)).toEqual(['a', 'b']);
  });
});

describe('message metadata the client cannot merge', () => {
  it('stops where the client throws (a primitive base merged into) and says so', async () => {
    const bytes = [
      { type: 'start', messageMetadata: 'draft' },
      { type: 'text-start', id: 't1' },
      { type: 'message-metadata', messageMetadata: { tokens: 3 } },
      { type: 'text-delta', id: 't1', delta: 'never applied' },
    ]
      .map((chunk) => encodeChunk(chunk as UIMessageChunk))
      .join('');
    const [report, client] = await Promise.all([decodeStream(bytes), runSdkClient(bytes)]);
    expect(client.error).toBeInstanceOf(TypeError);
    expect(report.message).toEqual(client.message);
    expect(report.message.metadata).toBe('draft');
    expect(report.findings.filter((finding) => finding.code === 'schema-violation')).toHaveLength(1);
  });

  it('skips the keys mergeObjects skips and spreads an array base, as the client does', async () => {
    const bytes = [
      { type: 'start', messageMetadata: [1, 2] },
      { type: 'message-metadata', messageMetadata: { constructor: 1, prototype: 2, a: { b: 1 } } },
      { type: 'message-metadata', messageMetadata: { a: { c: 2, prototype: 3 } } },
    ]
      .map((chunk) => encodeChunk(chunk as UIMessageChunk))
      .join('');
    const [report, client] = await Promise.all([decodeStream(bytes), runSdkClient(bytes)]);
    expect(client.error).toBeUndefined();
    expect(report.message).toEqual(client.message);
    expect(report.message.metadata).toEqual({ 0: 1, 1: 2, a: { b: 1, c: 2 } });
  });
});

describe('the bundled AI SDK sample', () => {
  it('reassembles to the recorded message, as the client does', async () => {
    const bytes = readFileSync(`${samples}/ai-sdk-tool-multistep.sse`);
    const expected = JSON.parse(readFileSync(`${samples}/ai-sdk-tool-multistep.expected.json`, 'utf8')) as { message: unknown };
    const [report, client] = await Promise.all([decodeStream(new Uint8Array(bytes)), runSdkClient(new Uint8Array(bytes))]);
    expect(report.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
    expect(report.message).toEqual(expected.message);
    expect(client.message).toEqual(expected.message);
  });
});

async function* toAsync(pieces: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* pieces;
}

describe('random chunk sequences: our message is the client\'s, and where the client throws we report it', () => {
  it('matches readUIMessageStream on random valid chunk sequences, orphans included', async () => {
    let failures = 0;
    await fc.assert(
      fc.asyncProperty(chunkSequence, async (chunks) => {
        const bytes = chunks.map((chunk) => encodeChunk(chunk)).join('') + encodeDone();
        const [report, client] = await Promise.all([decodeStream(bytes), runSdkClient(bytes)]);
        expect(report.message).toEqual(client.message ?? { id: '', role: 'assistant', parts: [] });
        const reassembler = createReassembler();
        for (const chunk of chunks) if (reassembler.apply(chunk)) break;
        // Orphan messages are the client's own words; a metadata failure quotes the TypeError.
        if (client.error) expect(reassembler.failure?.message).toContain(client.error.message);
        else expect(reassembler.failure).toBeNull();
        const reassemblyFindings = report.findings.filter((finding) => ['orphan-delta', 'orphan-tool-output', 'schema-violation'].includes(finding.code));
        expect(reassemblyFindings.map((finding) => finding.code)).toEqual(reassembler.failure ? [reassembler.failure.code] : []);
        if (reassembler.failure) expect(reassemblyFindings[0].message).toContain(reassembler.failure.message);
        if (client.error) failures++;
      }),
      { numRuns: 500 },
    );
    // The generator must exercise both outcomes for the property to mean anything.
    expect(failures).toBeGreaterThan(50);
    expect(failures).toBeLessThan(450);
  });
});

describe('lookups by id (tool calls, data parts) agree with the client\'s scans', () => {
  it('hundreds of tool calls over several steps, ids reused across steps, data parts replaced by id', async () => {
    const chunks: object[] = [{ type: 'start', messageId: 'm1' }];
    for (let step = 0; step < 3; step++) {
      chunks.push({ type: 'start-step' });
      for (let call = 0; call < 40; call++) {
        // Ids repeat in every step: the client updates the current step's part, or adds one.
        const toolCallId = `c${call % 30}`;
        const dynamic = call % 3 === 0;
        chunks.push({ type: 'tool-input-start', toolCallId, toolName: `t${call % 5}`, dynamic });
        chunks.push({ type: 'tool-input-delta', toolCallId, inputTextDelta: `{"n":${call}}` });
        if (call % 4 !== 0) chunks.push({ type: 'tool-input-available', toolCallId, toolName: `t${call % 5}`, input: { n: call }, dynamic });
        chunks.push({ type: 'data-progress', id: `p${call % 7}`, data: { step, call } });
      }
      // Outputs for calls of this step and, by id, of earlier ones.
      for (let call = 0; call < 30; call += 4) chunks.push({ type: 'tool-output-available', toolCallId: `c${call}`, output: { step } });
      chunks.push({ type: 'finish-step' });
    }
    chunks.push({ type: 'finish' });
    const bytes = sseOf(chunks as never);
    const report = await decodeStream(bytes);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(report.message).toEqual((await runSdkClient(bytes)).message);
  });
});
