/**
 * Every built-in scenario, served over real HTTP by `startMockServer`, read by the real AI SDK
 * client (`DefaultChatTransport` + `readUIMessageStream`) while the same bytes go through the
 * protocol decoder. Healthy scenarios finish cleanly; faulty ones produce exactly the findings
 * they declare and the client behaviour those faults cause. Resume and stop, end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses, readUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import { continuedMessage, createDecoder, decodeStream, type DecodeReport } from '../../protocol/index.js';
import { MemoryChat, MemoryChatState } from '../../protocol/test-support/linter-cases.js';
import { builtinScenarios } from '../scenarios/builtins.js';
import type { Scenario } from '../../protocol/scenarios/schema.js';
import { startMockServer, type MockServer } from './http-server.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0 });
});
afterAll(() => server.close());

type Turn = { messages: UIMessage[]; chunks: UIMessageChunk[]; error: unknown; report: DecodeReport; hungUp: boolean };

const userMessage = (text: string): UIMessage => ({ id: `user-${text}`, role: 'user', parts: [{ type: 'text', text }] });

/** Reads a chunk stream to its end as `useChat` would, keeping each message snapshot. */
async function readTurn(stream: ReadableStream<UIMessageChunk>, onChunk: (chunk: UIMessageChunk) => void) {
  const chunks: UIMessageChunk[] = [];
  const watched = stream.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      transform(chunk, controller) {
        chunks.push(chunk);
        onChunk(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
  const messages: UIMessage[] = [];
  let error: unknown;
  try {
    for await (const message of readUIMessageStream({ stream: watched, terminateOnError: true })) messages.push(message);
  } catch (caught) {
    error = caught;
  }
  return { messages, chunks, error };
}

/**
 * One chat turn through DefaultChatTransport; the raw bytes are teed into the decoder. A stream
 * that stalls is ended by this test when the decoder reports the stall (its own timeout).
 */
async function chatTurn(scenario: Scenario, chatId: string, onChunk: (chunk: UIMessageChunk) => void = () => {}): Promise<Turn> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const hangUp = new AbortController();
  const decoder = createDecoder({
    dialect: scenario.dialect ?? 'ai-sdk',
    onFinding: (finding) => finding.code === 'stall' && hangUp.abort(),
  });
  const ticker = setInterval(() => decoder.tick(elapsed()), 100);
  let raw: Promise<unknown> = Promise.resolve();
  const transport = new DefaultChatTransport({
    api: `${server.url}/api/chat`,
    headers: { 'x-streamscope-scenario': scenario.name },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (!response.body) return response;
      const [mine, theirs] = response.body.tee();
      raw = (async () => {
        for await (const bytes of mine as unknown as AsyncIterable<Uint8Array>) decoder.push(bytes, elapsed());
      })().catch((error: unknown) => error);
      return new Response(theirs, response);
    },
  });
  const stream = await transport.sendMessages({
    trigger: 'submit-message',
    chatId,
    messageId: undefined,
    messages: [userMessage(`hello ${scenario.name}`)],
    abortSignal: hangUp.signal,
  });
  const turn = await readTurn(stream, onChunk);
  await raw;
  clearInterval(ticker);
  return { ...turn, report: decoder.end(elapsed()), hungUp: hangUp.signal.aborted };
}

type Behaviour = 'finish' | 'parse-error' | 'error-chunk' | 'network-error' | 'hang';

/** What the AI SDK client does with the faults a scenario declares. */
function behaviourOf(scenario: Scenario): Behaviour {
  if (scenario.expect.includes('stall')) return 'hang';
  if (scenario.expect.some((code) => code === 'invalid-json' || code === 'unknown-type' || code === 'schema-violation')) return 'parse-error';
  if (scenario.expect.includes('error-chunk')) return 'error-chunk';
  if (scenario.steps.some((step) => step.step === 'disconnect')) return 'network-error';
  return 'finish';
}

function errorTextOf(scenario: Scenario): string | undefined {
  for (const step of scenario.steps) if (step.step === 'chunk' && step.chunk.type === 'error') return step.chunk.errorText;
  return undefined;
}

function checkBehaviour(scenario: Scenario, turn: Turn): void {
  const last = turn.messages.at(-1);
  switch (behaviourOf(scenario)) {
    case 'finish':
      expect(turn.error).toBeUndefined();
      expect(['finish', 'abort']).toContain(turn.chunks.at(-1)?.type);
      expect(turn.report.message.parts).toEqual(last?.parts);
      return;
    case 'parse-error':
      expect((turn.error as Error).name).toMatch(/^AI_(JSONParseError|TypeValidationError)$/);
      expect(turn.chunks.map((chunk) => chunk.type)).not.toContain('finish');
      return;
    case 'error-chunk':
      expect((turn.error as Error).message).toBe(errorTextOf(scenario));
      return;
    case 'network-error':
      expect((turn.error as Error).message).toBe('terminated');
      expect(turn.hungUp).toBe(false);
      return;
    case 'hang':
      expect(turn.hungUp).toBe(true);
      expect((turn.error as Error).name).toBe('AbortError');
      expect(turn.chunks.map((chunk) => chunk.type)).not.toContain('finish');
  }
}

async function stop(chatId: string): Promise<Response> {
  return fetch(`${server.url}/api/chat/${chatId}/stop`, { method: 'POST' });
}

describe.concurrent('every built-in scenario with the AI SDK client', () => {
  for (const scenario of builtinScenarios) {
    it(`${scenario.name}: ${behaviourOf(scenario)}, findings [${scenario.expect.join(', ')}]`, async () => {
      const chatId = `builtin-${scenario.name}`;
      // Scenarios with stop behaviour are stopped after the first text delta, as a user would.
      let stopped: Promise<Response> | undefined;
      const onChunk = (chunk: UIMessageChunk) => {
        if (scenario.onStop && chunk.type === 'text-delta' && !stopped) stopped = stop(chatId);
      };
      const turn = await chatTurn(scenario, chatId, onChunk);
      if (scenario.onStop) expect((await stopped)?.status).toBe(200);
      const codes = [...new Set(turn.report.findings.map((finding) => finding.code))].sort();
      expect(codes).toEqual([...scenario.expect].sort());
      checkBehaviour(scenario, turn);
    });
  }
});

describe('resume and stop with the AI SDK client', () => {
  const scenario = (name: string): Scenario => builtinScenarios.find((candidate) => candidate.name === name)!;

  it('a stop request ends the stream with abort and [DONE], and the client settles', async () => {
    const turn = await chatTurn(scenario('stop-completes'), 'stop-1', (chunk) => {
      if (chunk.type === 'text-delta') void stop('stop-1');
    });
    expect(turn.error).toBeUndefined();
    expect(turn.chunks.at(-1)).toEqual({ type: 'abort', reason: 'user stop' });
    expect(turn.report.summary.done).toBe(true);
    expect(turn.messages.at(-1)?.parts.some((part) => part.type === 'text')).toBe(true);
    expect((await stop('stop-1')).status).toBe(404);
  });

  it('reconnectToStream replays the active stream from the start, then 204 once it is over', async () => {
    const transport = new DefaultChatTransport({ api: `${server.url}/api/chat`, headers: { 'x-streamscope-scenario': 'plain-text' } });
    const leave = new AbortController();
    const first = await transport.sendMessages({
      trigger: 'submit-message',
      chatId: 'resume-1',
      messageId: undefined,
      messages: [userMessage('resume me')],
      abortSignal: leave.signal,
    });
    // The page goes away after the first text delta …
    const reader = first.getReader();
    for (let chunk = await reader.read(); chunk.value?.type !== 'text-delta'; chunk = await reader.read());
    leave.abort();
    // … and the reloaded page resumes.
    const resumed = await transport.reconnectToStream({ chatId: 'resume-1' });
    expect(resumed).not.toBeNull();
    const turn = await readTurn(resumed!, () => {});
    expect(turn.error).toBeUndefined();
    expect(turn.chunks[0]).toEqual({ type: 'start', messageId: 'msg-plain-text' });
    expect(turn.chunks.at(-1)?.type).toBe('finish');
    const text = turn.messages.at(-1)?.parts.find((part) => part.type === 'text');
    const expected = scenario('plain-text').steps.find((step) => step.step === 'text');
    expect(text && 'text' in text ? text.text : undefined).toBe(expected && 'text' in expected ? expected.text : 'missing');
    expect(await transport.reconnectToStream({ chatId: 'resume-1' })).toBeNull();
  });
});

describe('a tool approval through useChat\'s engine (AbstractChat), over HTTP', () => {
  it.each([
    [true, 'output-available', 'Deleted notes.txt.'],
    [false, 'output-denied', 'OK, I left notes.txt alone.'],
  ] as const)('approved: %s → the next request continues the message: tool %s, then the answer', async (approved, toolState, answer) => {
    const decoded: Promise<DecodeReport>[] = [];
    const transport = new DefaultChatTransport<UIMessage>({
      api: `${server.url}/api/chat`,
      headers: { 'x-streamscope-scenario': 'tool-approval' },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const [mine, theirs] = response.body!.tee();
        // As the panel decodes a captured stream: continuing what the posted chat ends with.
        decoded.push(decodeStream(mine, { message: continuedMessage(init?.body as string) }));
        return new Response(theirs, response);
      },
    });
    const state = new MemoryChatState();
    let finished = 0;
    let continued!: () => void;
    const bothFinished = new Promise<void>((resolve) => (continued = resolve));
    const chat = new MemoryChat({
      state,
      transport,
      sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
      onFinish: () => ++finished === 2 && continued(),
    });
    await chat.sendMessage({ text: 'delete notes.txt' });
    expect(state.messages.at(-1)?.parts.find((part) => part.type === 'tool-delete_file')).toMatchObject({ state: 'approval-requested' });
    await chat.addToolApprovalResponse({ id: 'approval-delete', approved });
    await bothFinished;

    expect(state.error).toBeUndefined();
    expect(state.messages).toHaveLength(2);
    const message = state.messages[1];
    expect(message.parts.map((part) => part.type)).toEqual(['step-start', 'tool-delete_file', 'step-start', 'text']);
    expect(message.parts[1]).toMatchObject({ state: toolState });
    expect(message.parts[3]).toMatchObject({ text: answer });
    const [first, second] = await Promise.all(decoded);
    expect(first.findings).toEqual([]);
    expect(second.findings).toEqual([]);
    expect(second.message.parts).toEqual(message.parts);
  });
});
