/**
 * Test-only: UI message streams produced by the AI SDK's own server code (`ai` 6): `streamText`
 * with a scripted `MockLanguageModelV3` → `toUIMessageStreamResponse()`, and
 * `createUIMessageStream` + `createUIMessageStreamResponse` for chunks no model produces.
 * Each entry resolves to the response body as text, exactly the bytes a front end receives.
 */
import {
  convertToModelMessages,
  createUIMessageStream,
  createUIMessageStreamResponse,
  dynamicTool,
  stepCountIs,
  streamText,
  tool,
  type ModelMessage,
  type ToolSet,
  type UIMessageStreamOptions,
  type UIMessageStreamWriter,
  type UIMessage as SdkUIMessage,
} from 'ai';
import { MockLanguageModelV3, simulateReadableStream } from 'ai/test';
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { z } from 'zod';
import { runSdkClient } from './client.js';

type Part = LanguageModelV3StreamPart;

const usage = {
  inputTokens: { total: 3, noCache: 3, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** A model step: the parts between `stream-start` and `finish`. */
function step(parts: Part[], finishReason: 'stop' | 'tool-calls' = 'stop'): Part[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', id: 'resp-1', modelId: 'mock', timestamp: new Date(0) },
    ...parts,
    { type: 'finish', finishReason: { unified: finishReason, raw: finishReason }, usage },
  ];
}

const text = (id: string, ...deltas: string[]): Part[] => [
  { type: 'text-start', id },
  ...deltas.map((delta): Part => ({ type: 'text-delta', id, delta })),
  { type: 'text-end', id },
];

/** A tool call whose input arrives in `deltas`, then the complete call. */
const toolCall = (toolCallId: string, toolName: string, deltas: string[], options: { dynamic?: boolean } = {}): Part[] => [
  { type: 'tool-input-start', id: toolCallId, toolName, ...options },
  ...deltas.map((delta): Part => ({ type: 'tool-input-delta', id: toolCallId, delta })),
  { type: 'tool-input-end', id: toolCallId },
  { type: 'tool-call', toolCallId, toolName, input: deltas.join(''), ...options },
];

export async function responseText(response: Response): Promise<string> {
  return response.text();
}

type ModelStreamOptions = {
  tools?: ToolSet;
  messages?: ModelMessage[];
  abortSignal?: AbortSignal;
  ui?: UIMessageStreamOptions<SdkUIMessage>;
  /** Called with each part as the model emits it (e.g. to abort mid-stream). */
  onPart?: (part: Part) => void;
};

/** `streamText` over a model that plays `steps` (one per call) → the UI message stream bytes. */
export async function modelStream(steps: Part[][], options: ModelStreamOptions = {}): Promise<string> {
  let calls = 0;
  const model = new MockLanguageModelV3({
    doStream: async () => {
      const parts = steps[calls++];
      const stream = simulateReadableStream({ chunks: parts, chunkDelayInMs: null, initialDelayInMs: null });
      return { stream: options.onPart ? stream.pipeThrough(tap(options.onPart)) : stream };
    },
  });
  const result = streamText({
    model,
    tools: options.tools,
    ...(options.messages ? { messages: options.messages } : { prompt: 'hi' }),
    stopWhen: stepCountIs(steps.length),
    abortSignal: options.abortSignal,
    // The error reaches the client as an `error` chunk; the default handler would only log it.
    onError: () => {},
  });
  return responseText(result.toUIMessageStreamResponse(options.ui));
}

function tap(onPart: (part: Part) => void): TransformStream<Part, Part> {
  return new TransformStream({
    transform(part, controller) {
      controller.enqueue(part);
      onPart(part);
    },
  });
}

/** `createUIMessageStream` with `execute` → `createUIMessageStreamResponse` bytes. */
export async function writerStream(execute: (writer: UIMessageStreamWriter) => void | Promise<void>): Promise<string> {
  return responseText(createUIMessageStreamResponse({ stream: createUIMessageStream({ execute: ({ writer }) => execute(writer) }) }));
}

const cityInput = z.object({ city: z.string() });
const weather = tool({
  description: 'weather in a city',
  inputSchema: cityInput,
  execute: async ({ city }) => ({ city, tempC: 21 }),
});

/** Every kind of stream the SDK's server code produces; each name says what it covers. */
export const aiSdkStreams = {
  text: () => modelStream([step(text('t1', 'Hello', ', ', 'world!'))]),

  reasoning: () =>
    modelStream([
      step([
        { type: 'reasoning-start', id: 'r1' },
        { type: 'reasoning-delta', id: 'r1', delta: 'Thinking ' },
        { type: 'reasoning-delta', id: 'r1', delta: 'hard.' },
        { type: 'reasoning-end', id: 'r1', providerMetadata: { mock: { signature: 'sig' } } },
        ...text('t1', 'Answer.'),
      ]),
    ]),

  'multi-step tool calls': () =>
    modelStream(
      [
        step([...text('t0', 'Let me check.'), ...toolCall('call-1', 'weather', ['{"ci', 'ty": "Ber', 'lin"}']), ...toolCall('call-2', 'weather', ['{"city":', '"Paris"}'])], 'tool-calls'),
        step(toolCall('call-3', 'weather', ['{"city":"Rome"}']), 'tool-calls'),
        step(text('t1', 'Berlin 21°C, Paris 21°C, Rome 21°C.')),
      ],
      { tools: { weather } },
    ),

  'tool input error': () =>
    modelStream([step(toolCall('call-1', 'weather', ['{"town":', '"Berlin"}']), 'tool-calls'), step(text('t1', 'Sorry.'))], { tools: { weather } }),

  'tool execution error': () =>
    modelStream([step(toolCall('call-1', 'failing', ['{"city":"Berlin"}']), 'tool-calls'), step(text('t1', 'It failed.'))], {
      tools: {
        failing: tool({
          inputSchema: cityInput,
          execute: async (): Promise<string> => {
            throw new Error('weather service down');
          },
        }),
      },
    }),

  'dynamic tool': () =>
    modelStream([step(toolCall('call-1', 'lookup', ['{"q":', '"x"}'], { dynamic: true }), 'tool-calls'), step(text('t1', 'Found.'))], {
      tools: { lookup: dynamicTool({ inputSchema: z.object({ q: z.string() }), execute: async (input) => ({ found: input }) }) },
    }),

  'dynamic tool error': () =>
    modelStream([step(toolCall('call-1', 'lookup', ['{"q":1}'], { dynamic: true }), 'tool-calls'), step(text('t1', 'Oops.'))], {
      tools: { lookup: dynamicTool({ inputSchema: z.object({ q: z.string() }), execute: async (input) => input }) },
    }),

  'preliminary tool outputs': () =>
    modelStream([step(toolCall('call-1', 'progress', ['{"city":"Berlin"}']), 'tool-calls'), step(text('t1', 'Done.'))], {
      tools: {
        progress: tool({
          inputSchema: cityInput,
          async *execute({ city }) {
            yield { status: 'loading', city };
            yield { status: 'almost', city };
            yield { status: 'done', city, tempC: 21 };
          },
        }),
      },
    }),

  'tool approval request': () =>
    modelStream([step(toolCall('call-1', 'delete', ['{"city":"Berlin"}']), 'tool-calls')], {
      tools: { delete: tool({ inputSchema: cityInput, needsApproval: true, execute: async () => 'deleted' }) },
    }),

  'tool approval denied': () =>
    writerStream((writer) => {
      writer.write({ type: 'start', messageId: 'm1' });
      writer.write({ type: 'start-step' });
      writer.write({ type: 'tool-input-available', toolCallId: 'call-1', toolName: 'delete', input: { city: 'Berlin' } });
      writer.write({ type: 'tool-approval-request', approvalId: 'ap-1', toolCallId: 'call-1' });
      writer.write({ type: 'tool-output-denied', toolCallId: 'call-1' });
      writer.write({ type: 'finish-step' });
      writer.write({ type: 'finish', finishReason: 'stop' });
    }),

  'provider-executed call of an unknown tool': () =>
    modelStream([
      step([
        { type: 'tool-call', toolCallId: 'ws-1', toolName: 'web_search', input: '{"query":"berlin"}', providerExecuted: true },
        { type: 'tool-result', toolCallId: 'ws-1', toolName: 'web_search', result: { hits: 3 } },
        ...text('t1', 'Searched.'),
      ]),
    ]),

  sources: () =>
    modelStream(
      [
        step([
          { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com/a', title: 'A', providerMetadata: { mock: { rank: 1 } } },
          { type: 'source', sourceType: 'url', id: 's2', url: 'https://example.com/b' },
          { type: 'source', sourceType: 'document', id: 's3', mediaType: 'application/pdf', title: 'Doc', filename: 'doc.pdf' },
          ...text('t1', 'Cited.'),
        ]),
      ],
      { ui: { sendSources: true } },
    ),

  files: () =>
    modelStream([
      step([
        { type: 'file', mediaType: 'image/png', data: 'iVBORw0KGgo=' },
        { type: 'file', mediaType: 'text/plain', data: 'aGVsbG8=', providerMetadata: { mock: { name: 'hello.txt' } } },
        ...text('t1', 'Files.'),
      ]),
    ]),

  'data parts': () =>
    writerStream((writer) => {
      writer.write({ type: 'start', messageId: 'm1' });
      writer.write({ type: 'data-weather', id: 'w1', data: { status: 'loading' } });
      writer.write({ type: 'data-status', data: 'no id, appended' });
      writer.write({ type: 'data-weather', id: 'w2', data: { status: 'loading' } });
      writer.write({ type: 'data-notice', data: 'transient', transient: true });
      writer.write({ type: 'data-weather', id: 'w1', data: { status: 'done', tempC: 21 } });
      writer.write({ type: 'data-status', id: 'w1', data: 'same id, other type' });
      writer.write({ type: 'finish' });
    }),

  'data parts around a model stream': () =>
    writerStream((writer) => {
      writer.write({ type: 'data-progress', id: 'p', data: 0 });
      const result = streamText({ model: new MockLanguageModelV3({ doStream: { stream: simulateReadableStream({ chunks: step(text('t1', 'Hi')), chunkDelayInMs: null }) } }), prompt: 'hi' });
      writer.merge(result.toUIMessageStream({ sendStart: false }));
      writer.write({ type: 'data-progress', id: 'p', data: 100 });
    }),

  'message metadata': () =>
    modelStream([step(text('t1', 'Hi'))], {
      ui: {
        messageMetadata: ({ part }) => {
          if (part.type === 'start') return { model: 'mock', stats: { started: 1, tags: ['a', 'b'] } };
          if (part.type === 'finish') return { stats: { finished: 2, tags: ['c'] }, finishReason: part.finishReason };
          return undefined;
        },
      },
    }),

  'message metadata chunks': () =>
    writerStream((writer) => {
      writer.write({ type: 'start', messageId: 'm1', messageMetadata: { a: { x: 1, y: [1, 2] }, keep: true } });
      writer.write({ type: 'message-metadata', messageMetadata: { a: { y: [3], z: { deep: 1 } } } });
      writer.write({ type: 'text-start', id: 't1' });
      writer.write({ type: 'text-delta', id: 't1', delta: 'Hi' });
      writer.write({ type: 'text-end', id: 't1' });
      writer.write({ type: 'message-metadata', messageMetadata: { a: null, b: 'set' } });
      writer.write({ type: 'finish', messageMetadata: { done: true } });
    }),

  abort: () => {
    const controller = new AbortController();
    return modelStream([step(text('t1', 'Hel', 'lo', ' never'))], {
      abortSignal: controller.signal,
      onPart: (part) => {
        if (part.type === 'text-delta' && part.delta === 'lo') controller.abort();
      },
    });
  },

  'abort with reason': () =>
    writerStream((writer) => {
      writer.write({ type: 'start' });
      writer.write({ type: 'text-start', id: 't1' });
      writer.write({ type: 'text-delta', id: 't1', delta: 'partial' });
      writer.write({ type: 'abort', reason: 'user stopped' });
    }),

  error: () => modelStream([step([...text('t1', 'Partial'), { type: 'error', error: new Error('model overloaded') }])]),

  'error in execute': () =>
    writerStream((writer) => {
      writer.write({ type: 'text-start', id: 't1' });
      writer.write({ type: 'text-delta', id: 't1', delta: 'before' });
      throw new Error('backend failed');
    }),
} satisfies Record<string, () => Promise<string>>;

export type AiSdkStreamName = keyof typeof aiSdkStreams;

/** The model messages of a turn whose tool call was denied: the next response starts with `tool-output-denied`. */
export const deniedApprovalMessages: ModelMessage[] = [
  { role: 'user', content: 'delete Berlin' },
  {
    role: 'assistant',
    content: [
      { type: 'tool-call', toolCallId: 'call-1', toolName: 'delete', input: { city: 'Berlin' } },
      { type: 'tool-approval-request', approvalId: 'ap-1', toolCallId: 'call-1' },
    ],
  },
  { role: 'tool', content: [{ type: 'tool-approval-response', approvalId: 'ap-1', approved: false, reason: 'no' }] },
];

/** A denied approval as the SDK sends it: in a new response, whose message does not have the tool call. */
export function deniedApprovalResponse(): Promise<string> {
  return modelStream([step(text('t1', 'Not deleted.'))], {
    messages: deniedApprovalMessages,
    tools: { delete: tool({ inputSchema: cityInput, needsApproval: true, execute: async () => 'deleted' }) },
  });
}

/** A continued turn: the chat useChat posts, the assistant message it continues, and the response. */
export type ContinuedTurn = { requestBody: string; message: SdkUIMessage; response: string };

/**
 * A tool approval as useChat runs it: the first response asks for approval; the user denies it
 * (`addToolApprovalResponse`); useChat posts the chat, whose last message is the assistant's, and
 * the server's next response continues that message, starting with the denied tool call's output.
 */
export async function deniedApprovalTurn(): Promise<ContinuedTurn> {
  const tools = { delete: tool({ inputSchema: cityInput, needsApproval: true, execute: async () => 'deleted' }) };
  const asked = (await runSdkClient(await aiSdkStreams['tool approval request']())).message as SdkUIMessage | undefined;
  if (!asked) throw new Error('the approval request produced no message');
  const message = {
    ...asked,
    parts: asked.parts.map((part) =>
      part.type === 'tool-delete' && part.state === 'approval-requested' ? { ...part, state: 'approval-responded' as const, approval: { ...part.approval, approved: false, reason: 'no' } } : part,
    ),
  } as SdkUIMessage;
  const chat: SdkUIMessage[] = [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'delete Berlin' }] }, message];
  const response = await modelStream([step(text('t1', 'Not deleted.'))], {
    messages: await convertToModelMessages(chat, { tools }),
    tools,
    ui: { originalMessages: chat },
  });
  return { requestBody: JSON.stringify({ id: 'chat-1', messages: chat, trigger: 'submit-message', messageId: undefined }), message, response };
}
