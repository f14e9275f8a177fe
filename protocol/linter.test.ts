import { describe, expect, it } from 'vitest';
import { createDecoder } from './decoder.js';
import { findingCodes, type FindingCode, type Severity } from './schemas/report.js';
import type { DecoderOptions } from './decoder.js';
import type { AppSchemas } from './app-schemas.js';
import type { ResponseInfo } from './response-headers.js';
import type { ClientVersion } from './schemas/chunks.js';
import { encodeChunk, encodeHeartbeat } from './encoder.js';
import { codesOf, decode, findingsOf, inserted, replaced, runChat, sseOf, textTurn, toolInput, type StreamItem } from './test-support/linter-cases.js';
import { runSdkClient } from './test-support/client.js';
import { aiSdkStreams, deniedApprovalResponse } from './test-support/ai-sdk-streams.js';

type Case = {
  code: FindingCode;
  /** The stream that must produce the finding, at `event`. */
  bad: string;
  event: number | null;
  /** A near-identical stream that must not produce it. */
  good: string;
  client?: ClientVersion;
  /** The client the good stream is decoded for (default: `client`). */
  goodClient?: ClientVersion;
  /** Words the message must contain (the chunk or id it is about). */
  names?: string[];
  /** Decoder options for both streams (response headers, the app's schemas). */
  options?: Omit<DecoderOptions, 'keepEvents' | 'client'>;
  /** Options for the good stream instead (a near-identical response). */
  goodOptions?: Omit<DecoderOptions, 'keepEvents' | 'client'>;
  /** The severity when it is not the code's default (`header-problem`). */
  severity?: Severity;
};

const turn = sseOf(textTurn);
const tool = [...toolInput('call-1'), { type: 'tool-output-available', toolCallId: 'call-1', output: { tempC: 21 } }];

/** A tool call whose input is streamed as text: `inputEncoding` came after the strict ai 6 releases. */
const lateFieldTool: StreamItem[] = [
  { type: 'tool-input-start', toolCallId: 'call-1', toolName: 'note', inputEncoding: 'text' },
  { type: 'tool-input-delta', toolCallId: 'call-1', inputTextDelta: 'hi' },
  { type: 'tool-input-available', toolCallId: 'call-1', toolName: 'note', input: 'hi' },
  { type: 'tool-output-available', toolCallId: 'call-1', output: 'ok' },
];

/** The headers AI SDK servers send with a UI message stream. */
const sdkHeaders = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-vercel-ai-ui-message-stream': 'v1', 'x-accel-buffering': 'no' };
const sdkResponse = (changes: Record<string, string | undefined> = {}, status = 200): ResponseInfo => ({
  status,
  headers: Object.fromEntries(Object.entries({ ...sdkHeaders, ...changes }).filter((entry): entry is [string, string] => entry[1] !== undefined)),
});

const weatherSchemas: AppSchemas = {
  tools: {
    weather: {
      input: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      output: { type: 'object', properties: { tempC: { type: 'number' } }, required: ['tempC'] },
    },
  },
  data: { 'data-weather': { type: 'object', properties: { forecast: { type: 'array', items: { type: 'number' } } }, required: ['forecast'] } },
  metadata: { type: 'object', properties: { createdAt: { type: 'number' } } },
};
const withSchemas = { schemas: weatherSchemas };

/** The text turn answered with a tool call whose input or output is `input` / `output`. */
const weatherCall = (input: unknown, output: unknown): string =>
  sseOf(inserted(textTurn, 5, { type: 'tool-input-start', toolCallId: 'call-1', toolName: 'weather' }, { type: 'tool-input-available', toolCallId: 'call-1', toolName: 'weather', input }, { type: 'tool-output-available', toolCallId: 'call-1', output }));

/** A value `levels` objects deep. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}
const deepMetadataTurn = (levels: number) => sseOf(replaced(textTurn, 0, { type: 'start', messageId: 'm1', messageMetadata: nested(levels) }));

const cases: Case[] = [
  { code: 'missing-finish', bad: sseOf(textTurn.slice(0, 6)), event: null, good: turn },
  { code: 'duplicate-finish', bad: sseOf([...textTurn, { type: 'finish' }]), event: 7, good: turn },
  {
    code: 'chunk-after-finish',
    bad: sseOf([...textTurn, { type: 'data-note', data: 1 }]),
    event: 7,
    good: sseOf(inserted(textTurn, 6, { type: 'data-note', data: 1 })),
    names: ['data-note'],
  },
  { code: 'invalid-json', bad: sseOf(replaced(textTurn, 3, 'data: {"type":"text-delta","id":"t1",\n\n')), event: 3, good: turn },
  {
    code: 'invalid-json',
    bad: sseOf(replaced(textTurn, 3, 'data: {"type":"text-delta","id":"t1","delta":"x","__proto__":{"polluted":true}}\n\n')),
    event: 3,
    good: sseOf(replaced(textTurn, 3, 'data: {"type":"text-delta","id":"t1","delta":"x","proto":{"polluted":true}}\n\n')),
    client: '7',
    names: ['__proto__'],
  },
  {
    code: 'schema-violation',
    bad: sseOf(replaced(textTurn, 3, { type: 'text-delta', id: 't1', delta: 5 })),
    event: 3,
    good: sseOf(replaced(textTurn, 3, { type: 'text-delta', id: 't1', delta: '5' })),
    names: ['text-delta', 'delta'],
  },
  {
    code: 'unknown-type',
    bad: sseOf(inserted(textTurn, 5, { type: 'usage', promptTokens: 1 })),
    event: 5,
    good: sseOf(inserted(textTurn, 5, { type: 'data-usage', data: { promptTokens: 1 } })),
    names: ['usage'],
  },
  {
    code: 'orphan-delta',
    bad: sseOf(replaced(textTurn, 3, { type: 'text-delta', id: 't2', delta: 'Hello' })),
    event: 3,
    good: turn,
    names: ['text-delta', '"t2"'],
  },
  {
    code: 'orphan-tool-output',
    bad: sseOf(inserted(textTurn, 5, ...tool.slice(0, 3), { type: 'tool-output-available', toolCallId: 'call-2', output: 1 })),
    event: 8,
    good: sseOf(inserted(textTurn, 5, ...tool)),
    names: ['"call-2"'],
  },
  {
    // No "text-end" and no "finish-step": the part is still open at "finish".
    code: 'unclosed-part',
    bad: sseOf(replaced(replaced(textTurn, 5), 4)),
    event: 4,
    good: turn,
    names: ['text part "t1"', 'text-end'],
  },
  {
    code: 'json-too-deep',
    bad: deepMetadataTurn(4000),
    event: 0,
    good: deepMetadataTurn(1850),
    names: ['metadata', '4001 levels deep', 'structuredClone'],
  },
  {
    code: 'step-closes-open-part',
    bad: sseOf(replaced(textTurn, 4)),
    event: 4,
    good: turn,
    names: ['text part "t1"', 'started at event 2'],
  },
  {
    code: 'duplicate-start',
    bad: sseOf(inserted(textTurn, 1, { type: 'start', messageId: 'm2' })),
    event: 1,
    good: sseOf(inserted(textTurn, 1, { type: 'message-metadata', messageMetadata: { source: 'm2' } })),
    names: ['"m2"', 'readUIMessageStream', 'useChat'],
  },
  {
    code: 'wrong-protocol',
    bad: '0:"Hello"\n0:" world"\nd:{"finishReason":"stop"}\n',
    event: null,
    good: turn,
    names: ['AI SDK 4 data stream', '0:\\"Hello\\"', 'content type "text/plain'],
    options: { response: sdkResponse({ 'content-type': 'text/plain; charset=utf-8' }) },
  },
  {
    code: 'header-problem',
    bad: turn,
    event: null,
    good: turn,
    names: ['"content-encoding: gzip"'],
    options: { response: sdkResponse({ 'content-encoding': 'gzip' }) },
    goodOptions: { response: sdkResponse() },
  },
  {
    code: 'header-problem',
    bad: turn,
    event: null,
    good: turn,
    names: ['"content-type: application/json"'],
    options: { response: sdkResponse({ 'content-type': 'application/json' }) },
    goodOptions: { response: sdkResponse({ 'content-type': 'text/event-stream; charset=utf-8' }) },
  },
  {
    code: 'header-problem',
    bad: turn,
    event: null,
    good: turn,
    names: ['"x-accel-buffering: no"'],
    severity: 'info',
    options: { response: sdkResponse({ 'x-accel-buffering': undefined }) },
    goodOptions: { response: sdkResponse({ 'X-Accel-Buffering': 'no', 'x-accel-buffering': undefined }) },
  },
  {
    code: 'header-problem',
    bad: turn,
    event: null,
    good: turn,
    names: ['status 500', 'DefaultChatTransport'],
    severity: 'error',
    options: { response: sdkResponse({}, 500) },
    goodOptions: { response: sdkResponse({}, 200) },
  },
  {
    code: 'tool-input-invalid',
    bad: weatherCall({ town: 'Berlin' }, { tempC: 21 }),
    event: 6,
    good: weatherCall({ city: 'Berlin' }, { tempC: 21 }),
    names: ['"weather"', '"call-1"', '$.city'],
    options: withSchemas,
  },
  {
    code: 'tool-output-invalid',
    bad: weatherCall({ city: 'Berlin' }, { tempC: '21' }),
    event: 7,
    good: weatherCall({ city: 'Berlin' }, { tempC: 21 }),
    names: ['"weather"', '$.tempC', 'expected number'],
    options: withSchemas,
  },
  {
    code: 'data-invalid',
    bad: sseOf(inserted(textTurn, 5, { type: 'data-weather', id: 'w1', data: { forecast: [20, 'warm'] } })),
    event: 5,
    good: sseOf(inserted(textTurn, 5, { type: 'data-weather', id: 'w1', data: { forecast: [20, 22] } })),
    names: ['"data-weather"', '$.forecast[1]', 'dataPartSchemas'],
    options: withSchemas,
  },
  {
    code: 'metadata-invalid',
    bad: sseOf(replaced(textTurn, 6, { type: 'finish', finishReason: 'stop', messageMetadata: { createdAt: 'today' } })),
    event: 6,
    good: sseOf(replaced(textTurn, 6, { type: 'finish', finishReason: 'stop', messageMetadata: { createdAt: 1 } })),
    names: ['$.createdAt', 'messageMetadataSchema'],
    options: withSchemas,
  },
  {
    code: 'tool-without-output',
    bad: sseOf(inserted(textTurn, 5, ...tool.slice(0, 3))),
    event: 5,
    good: sseOf(inserted(textTurn, 5, ...tool)),
    names: ['"call-1"', '"weather"'],
  },
  { code: 'step-mismatch', bad: sseOf(replaced(textTurn, 1)), event: 4, good: turn, names: ['finish-step'] },
  {
    code: 'step-mismatch',
    bad: sseOf(inserted(textTurn, 2, { type: 'start-step' })),
    event: 2,
    good: sseOf(inserted(textTurn, 2, { type: 'finish-step' }, { type: 'start-step' })),
    names: ['start-step'],
  },
  {
    code: 'error-chunk',
    bad: sseOf(inserted(textTurn, 5, { type: 'error', errorText: 'model overloaded' })),
    event: 5,
    good: sseOf(inserted(textTurn, 5, { type: 'data-error', data: 'model overloaded' })),
    names: ['model overloaded'],
  },
  {
    code: 'extra-field',
    bad: sseOf(replaced(textTurn, 3, { type: 'text-delta', id: 't1', delta: 'Hello', tokens: 1 })),
    event: 3,
    good: turn,
    names: ['"tokens"', 'text-delta', '6.0.0–6.0.230'],
  },
  {
    // A field of ai 6, but newer than its strict releases; ai 7 has always known it.
    code: 'extra-field',
    bad: sseOf(inserted(textTurn, 5, ...lateFieldTool)),
    event: 5,
    good: sseOf(inserted(textTurn, 5, ...lateFieldTool)),
    client: '6',
    goodClient: '7',
    names: ['"inputEncoding"', 'tool-input-start', '6.0.0–6.0.230'],
  },
  {
    code: 'extra-field',
    bad: sseOf(replaced(textTurn, 4, { type: 'text-end', id: 't1', citations: [] })),
    event: 4,
    good: sseOf(replaced(textTurn, 4, { type: 'text-end', id: 't1', citations: [] })),
    client: '6',
    goodClient: '7',
    names: ['"citations"'],
  },
  {
    code: 'finish-reason-unsupported',
    bad: sseOf(replaced(textTurn, 6, { type: 'finish', finishReason: 'unknown' })),
    event: 6,
    good: turn,
    client: '5',
    names: ['"unknown"', 'ai 6, 7'],
  },
  {
    code: 'finish-reason-unsupported',
    bad: sseOf(replaced(textTurn, 6, { type: 'finish', finishReason: 'interrupted' })),
    event: 6,
    good: turn,
    client: '7',
    names: ['"interrupted"', 'ai 5, 6'],
  },
  { code: 'missing-done', bad: sseOf(textTurn, { done: false }), event: null, good: turn },
  { code: 'sse-format', bad: `${turn}data: {"type":"data-x","data":1}`, event: null, good: `${turn}data: {"type":"data-x","data":1}\n\n`, names: ['ended inside an event'] },
  { code: 'sse-format', bad: turn.replace('data: {"type":"start-step"}', 'data: {"type":"start-step"}\nsession: 1'), event: 1, good: turn.replace('data: {"type":"start-step"}', 'data: {"type":"start-step"}\nid: 1'), names: ['"session"'] },
  { code: 'sse-format', bad: `retry: soon\n\n${turn}`, event: null, good: `retry: 3000\n\n${turn}`, names: ['"soon"'] },
  { code: 'sse-format', bad: `event: ping\n\n${turn}`, event: null, good: `: ping\n\n${turn}`, names: ['without "data"'] },
];

describe('each finding code: a stream that produces it and a near-identical one that does not', () => {
  it('covers every code of the table', () => {
    // stall and buffered-delivery need arrival times: tested below.
    const covered = new Set(cases.map((c) => c.code).concat('stall', 'buffered-delivery'));
    expect([...covered].sort()).toEqual(Object.keys(findingCodes).sort());
  });

  it.each(cases.map((c, i) => [`${c.code} #${i}`, c] as const))('%s', async (_name, c) => {
    const bad = await decode(c.bad, { ...c.options, client: c.client });
    const found = findingsOf(bad, c.code);
    expect(found.length, JSON.stringify(bad.findings)).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ severity: c.severity ?? findingCodes[c.code], event: c.event });
    for (const name of c.names ?? []) expect(found[0].message).toContain(name);
    const good = await decode(c.good, { ...(c.goodOptions ?? c.options), client: c.goodClient ?? c.client });
    expect(codesOf(good)).not.toContain(c.code);
  });
});

describe('stall', () => {
  const frames = textTurn.map((chunk) => encodeChunk(chunk as never));

  function decodeTimed(times: readonly number[], extra: (decoder: ReturnType<typeof createDecoder>) => void = () => {}) {
    const decoder = createDecoder({ keepEvents: true });
    frames.forEach((frame, i) => {
      if (i === 3) extra(decoder);
      decoder.push(frame, times[i]);
    });
    decoder.push('data: [DONE]\n\n', times[6] + 1);
    return decoder.end(times[6] + 1);
  }

  it('reports a gap over the threshold at the event that ends it, not a shorter one', () => {
    const stalled = decodeTimed([0, 10, 20, 6020, 6030, 6040, 6050]);
    expect(findingsOf(stalled, 'stall')).toEqual([expect.objectContaining({ severity: 'warning', event: 3 })]);
    expect(findingsOf(stalled, 'stall')[0].message).toContain('6.0 s');
    expect(codesOf(decodeTimed([0, 10, 20, 4020, 4030, 4040, 4050]))).not.toContain('stall');
  });

  it('a slow first chunk is a stall too', () => {
    expect(findingsOf(decodeTimed([5200, 5210, 5220, 5230, 5240, 5250, 5260]), 'stall')[0]?.event).toBe(0);
  });

  it('heartbeats alone do not end a stall', () => {
    const report = decodeTimed([0, 10, 20, 7020, 7030, 7040, 7050], (decoder) => {
      decoder.push(encodeHeartbeat(), 2000);
      decoder.push(encodeHeartbeat(), 4000);
      decoder.push(encodeHeartbeat(), 6000);
    });
    expect(report.summary.comments).toBe(3);
    expect(findingsOf(report, 'stall')).toEqual([expect.objectContaining({ event: 6 })]);
    expect(report.events[6].kind).toBe('chunk');
  });

  it('shows a live stall through tick(), once, and only past the threshold', () => {
    const decoder = createDecoder({ stallMs: 1000 });
    decoder.push(encodeChunk({ type: 'start' }), 0);
    decoder.push(encodeHeartbeat(), 900);
    decoder.tick(999);
    expect(codesOf(decoder.report())).not.toContain('stall');
    decoder.push(encodeHeartbeat(), 1500);
    decoder.tick(1600);
    decoder.tick(2600);
    expect(findingsOf(decoder.report(), 'stall')).toEqual([expect.objectContaining({ event: null, severity: 'warning' })]);
    decoder.push(encodeChunk({ type: 'finish' }), 3000);
    // The stall already shown live is not reported again when the chunk ending it arrives.
    expect(findingsOf(decoder.end(3000), 'stall')).toHaveLength(1);
  });

  it('no stall once the message is finished: only [DONE] or the connection close may follow', () => {
    const decoder = createDecoder({ stallMs: 1000 });
    decoder.push(sseOf(textTurn, { done: false }), 0);
    decoder.tick(5000);
    decoder.push('data: [DONE]\n\n', 6000);
    expect(codesOf(decoder.end(6000))).toEqual([]);
  });
});

describe('the linter agrees with the real AI SDK client (ai 6) on the same bytes', () => {
  const thrown: Array<[string, string, FindingCode, RegExp]> = [
    ['orphan text-delta', sseOf(replaced(textTurn, 3, { type: 'text-delta', id: 't2', delta: 'x' })), 'orphan-delta', /text part with ID "t2"/],
    ['orphan text-end', sseOf(replaced(textTurn, 4, { type: 'text-end', id: 't2' })), 'orphan-delta', /text part with ID "t2"/],
    ['orphan reasoning-delta', sseOf(inserted(textTurn, 2, { type: 'reasoning-delta', id: 'r1', delta: 'x' })), 'orphan-delta', /reasoning part with ID "r1"/],
    ['orphan reasoning-end', sseOf(inserted(textTurn, 2, { type: 'reasoning-end', id: 'r1' })), 'orphan-delta', /reasoning part with ID "r1"/],
    ['orphan tool-input-delta', sseOf(inserted(textTurn, 2, { type: 'tool-input-delta', toolCallId: 'c9', inputTextDelta: '{' })), 'orphan-delta', /"c9"/],
    ['text-delta after finish-step closed its part', sseOf(inserted(textTurn, 4, { type: 'finish-step' }, { type: 'start-step' })), 'orphan-delta', /"t1"/],
    ['tool-output-available', sseOf(inserted(textTurn, 5, { type: 'tool-output-available', toolCallId: 'c9', output: 1 })), 'orphan-tool-output', /"c9"/],
    ['tool-output-error', sseOf(inserted(textTurn, 5, { type: 'tool-output-error', toolCallId: 'c9', errorText: 'x' })), 'orphan-tool-output', /"c9"/],
    ['tool-output-denied', sseOf(inserted(textTurn, 5, { type: 'tool-output-denied', toolCallId: 'c9' })), 'orphan-tool-output', /"c9"/],
    ['tool-approval-request', sseOf(inserted(textTurn, 5, { type: 'tool-approval-request', toolCallId: 'c9', approvalId: 'a1' })), 'orphan-tool-output', /"c9"/],
    ['unknown type', sseOf(inserted(textTurn, 5, { type: 'usage', totalTokens: 3 })), 'unknown-type', /./],
    ['invalid JSON', sseOf(inserted(textTurn, 5, 'data: {"type":"data-x",\n\n')), 'invalid-json', /./],
    ['__proto__ key', sseOf(inserted(textTurn, 5, 'data: {"type":"data-x","data":{"__proto__":{"admin":true}}}\n\n')), 'invalid-json', /./],
    ['constructor.prototype key', sseOf(inserted(textTurn, 5, 'data: {"type":"data-x","data":{"constructor":{"prototype":{"admin":true}}}}\n\n')), 'invalid-json', /./],
    ['schema violation', sseOf(inserted(textTurn, 5, { type: 'source-url', sourceId: 's1' })), 'schema-violation', /./],
    ['finishReason unknown to ai 6', sseOf(replaced(textTurn, 6, { type: 'finish', finishReason: 'unknown' })), 'schema-violation', /./],
  ];

  it.each(thrown)('%s: the linter reports an error and the client fails', async (_name, bytes, code, clientMessage) => {
    const report = await decode(bytes);
    const errors = report.findings.filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => finding.code)).toEqual([code]);
    const run = await runSdkClient(bytes);
    expect(run.error?.message).toMatch(clientMessage);
    // The client stops where the linter says: nothing after the bad event reaches the message.
    expect(run.message).toBeDefined();
    expect(report.message).toEqual(run.message);
  });

  it('the __proto__ finding says why JSON that parses is still refused', async () => {
    const report = await decode(sseOf(inserted(textTurn, 5, 'data: {"type":"data-x","data":{"__proto__":{}}}\n\n')));
    expect(findingsOf(report, 'invalid-json')[0].message).toMatch(/__proto__.*secure JSON parser/);
    expect(findingsOf((await decode(sseOf(inserted(textTurn, 5, 'data: {"type":\n\n')))), 'invalid-json')[0].message).toContain('is not JSON');
  });

  /** The codes that say the client throws; the others describe servers' mistakes it tolerates. */
  const clientFailureCodes: FindingCode[] = ['invalid-json', 'schema-violation', 'unknown-type', 'orphan-delta', 'orphan-tool-output'];

  const accepted: Array<[string, string, FindingCode[]]> = [
    ['an extra field (ai 6.0.231+ is loose)', sseOf(replaced(textTurn, 3, { type: 'text-delta', id: 't1', delta: 'Hello', tokens: 1 })), ['extra-field']],
    ['no [DONE]', sseOf(textTurn, { done: false }), ['missing-done']],
    ['a text part never closed', sseOf(replaced(replaced(textTurn, 5), 4)), ['unclosed-part']],
    ['a step ends while its text part is open', sseOf(replaced(textTurn, 4)), ['step-closes-open-part']],
    ['a second start with the same messageId', sseOf(inserted(textTurn, 1, { type: 'start', messageId: 'm1' })), ['duplicate-start']],
    ['no finish', sseOf(textTurn.slice(0, 6)), ['missing-finish']],
    ['a second finish', sseOf([...textTurn, { type: 'finish', finishReason: 'length' }]), ['duplicate-finish']],
    ['chunks after finish', sseOf([...textTurn, { type: 'data-late', data: 1 }, { type: 'data-late', id: 'x', data: 2 }]), ['chunk-after-finish', 'chunk-after-finish']],
    ['finish-step without start-step', sseOf(replaced(textTurn, 1)), ['step-mismatch']],
    ['nested start-step', sseOf(inserted(textTurn, 2, { type: 'start-step' })), ['step-mismatch']],
    ['a tool call left without output', sseOf(inserted(textTurn, 5, ...toolInput('call-1'))), ['tool-without-output']],
  ];

  it.each(accepted)('%s: only warnings or info, and the client accepts the bytes and shows the same message', async (_name, bytes, codes) => {
    const report = await decode(bytes);
    expect(codesOf(report)).toEqual(codes);
    expect(codesOf(report).filter((code) => clientFailureCodes.includes(code))).toEqual([]);
    const run = await runSdkClient(bytes);
    expect(run.error).toBeUndefined();
    expect(report.message).toEqual(run.message);
  });

  it('chunks after finish are still applied by the client, as the message says', async () => {
    const bytes = sseOf([...textTurn, { type: 'data-late', data: 1 }]);
    const run = await runSdkClient(bytes);
    expect(run.message?.parts.at(-1)).toMatchObject({ type: 'data-late', data: 1 });
    expect(findingsOf(await decode(bytes), 'chunk-after-finish')[0].message).toContain('still applies it');
  });

  it('an error chunk reaches readUIMessageStream\'s onError without ending the stream', async () => {
    const bytes = sseOf(inserted(textTurn, 4, { type: 'error', errorText: 'model overloaded' }));
    const report = await decode(bytes);
    expect(codesOf(report)).toEqual(['error-chunk']);
    const run = await runSdkClient(bytes);
    expect(run.error?.message).toBe('model overloaded');
    expect(report.message).toEqual(run.message);
    expect(run.message?.parts.at(-1)).toMatchObject({ type: 'text', state: 'done' });
  });

  it('strict ai 6.0.230 rejects the extra field the linter warns about', async () => {
    const bytes = sseOf(replaced(textTurn, 3, { type: 'text-delta', id: 't1', delta: 'Hello', tokens: 1 }));
    expect((await runSdkClient(bytes, 'ai6strict')).error).toBeDefined();
  });

  it('strict ai 6.0.230 rejects a field later ai 6 releases know, which the linter warns about', async () => {
    const bytes = sseOf(inserted(textTurn, 5, ...lateFieldTool));
    expect(findingsOf(await decode(bytes), 'extra-field').map((finding) => finding.event)).toEqual([5]);
    expect((await runSdkClient(bytes, 'ai6strict')).error).toBeDefined();
    expect((await runSdkClient(bytes, 'ai')).error).toBeUndefined();
  });

  it('ai 5 accepts finishReason "unknown", ai 6 and ai 7 reject it; ai 7 alone accepts "interrupted"', async () => {
    const unknown = sseOf(replaced(textTurn, 6, { type: 'finish', finishReason: 'unknown' }));
    const interrupted = sseOf(replaced(textTurn, 6, { type: 'finish', finishReason: 'interrupted' }));
    expect((await runSdkClient(unknown, 'ai5loose')).error).toBeUndefined();
    expect((await runSdkClient(unknown, 'ai')).error).toBeDefined();
    expect((await runSdkClient(unknown, 'ai7')).error).toBeDefined();
    expect((await runSdkClient(interrupted, 'ai7')).error).toBeUndefined();
    expect((await runSdkClient(interrupted, 'ai5loose')).error).toBeDefined();
    expect((await runSdkClient(interrupted, 'ai')).error).toBeDefined();
  });
});

describe('streams of the AI SDK server itself', () => {
  it('an aborted streamText sends "abort" then [DONE], with no finish: nothing above info', async () => {
    const bytes = await aiSdkStreams.abort();
    const report = await decode(bytes);
    expect(report.events.map((event) => event.type ?? event.kind).slice(-2)).toEqual(['abort', 'done']);
    expect(report.summary.byType.finish).toBeUndefined();
    expect(report.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
    expect((await runSdkClient(bytes)).error).toBeUndefined();
  });

  it('a tool call awaiting approval is not reported as missing its output', async () => {
    const bytes = sseOf(inserted(textTurn, 5, ...toolInput('call-1'), { type: 'tool-approval-request', toolCallId: 'call-1', approvalId: 'a1' }));
    const report = await decode(bytes);
    expect(codesOf(report)).toEqual([]);
    expect(report.message).toEqual((await runSdkClient(bytes)).message);
  });

  it('a rejected finish is a schema violation, not also a missing finish', async () => {
    const report = await decode(sseOf(replaced(textTurn, 6, { type: 'finish', finishReason: 'unknown' })));
    expect(codesOf(report)).toEqual(['schema-violation']);
    expect(report.findings[0].message).toContain('finishReason');
  });

  it('findings keep their order and the after-finish count closes the list', async () => {
    const report = await decode(sseOf([...textTurn, { type: 'finish' }, { type: 'data-a', data: 1 }, { type: 'data-b', data: 2 }] as StreamItem[]));
    expect(report.findings.map((finding) => [finding.code, finding.event])).toEqual([
      ['duplicate-finish', 7],
      ['chunk-after-finish', 8],
      ['chunk-after-finish', null],
    ]);
    expect(report.findings[2].message).toContain('2 chunks');
  });
});

describe('sse-format', () => {
  it('names the event a bad line belongs to, or none when that event is never dispatched', async () => {
    const report = await decode(`${turn.replace('data: {"type":"start-step"}', ': note\nretry: soon\ndata: {"type":"start-step"}')}session: 1\n\nretry: later`);
    expect(findingsOf(report, 'sse-format').map((finding) => [finding.event, finding.message.slice(0, 24)])).toEqual([
      // The comment line in the same block is a record of its own, before the event's.
      [2, '"retry" must be digits, '],
      [null, 'unknown SSE field "sessi'],
      [null, 'an event without "data" '],
      [null, '"retry" must be digits, '],
      [null, 'the stream ended inside '],
    ]);
    expect(report.events[2]).toMatchObject({ kind: 'chunk', type: 'start-step' });
  });

  it('a block that only sets retry or id is valid SSE, not an event without data', async () => {
    const report = await decode(`retry: 3000\nid: 7\n\n${turn}`);
    expect(codesOf(report)).toEqual([]);
    expect(findingsOf(await decode(`retry: 3000\nevent: ping\n\n${turn}`), 'sse-format')).toHaveLength(1);
  });
});

describe('what the messages say about useChat holds for its engine (AbstractChat + DefaultChatTransport)', () => {
  it('an error chunk: useChat stops there with status "error"', async () => {
    const chat = await runChat(sseOf(inserted(textTurn, 4, { type: 'error', errorText: 'model overloaded' })));
    expect(chat.status).toBe('error');
    expect(chat.error?.message).toBe('model overloaded');
    expect(chat.message?.parts.at(-1)).toMatchObject({ type: 'text', state: 'streaming' });
  });

  it('an orphan delta: useChat fails with the error the linter quotes', async () => {
    const bytes = sseOf(replaced(textTurn, 3, { type: 'text-delta', id: 't9', delta: 'x' }));
    const chat = await runChat(bytes);
    expect(chat.status).toBe('error');
    expect(findingsOf(await decode(bytes), 'orphan-delta')[0].message).toContain(chat.error?.message);
  });

  it('a second finish: useChat ends "ready" with the second finishReason', async () => {
    const chat = await runChat(sseOf([...textTurn, { type: 'finish', finishReason: 'length' }]));
    expect(chat).toMatchObject({ status: 'ready', error: undefined, finishReason: 'length' });
  });

  it('no finish, connection closed: useChat ends "ready", without a finishReason', async () => {
    const chat = await runChat(sseOf(textTurn.slice(0, 6)));
    expect(chat).toMatchObject({ status: 'ready', error: undefined, finishReason: undefined });
    expect(findingsOf(await decode(sseOf(textTurn.slice(0, 6))), 'missing-finish')[0].message).toContain('no finishReason');
  });
});

describe('orphan tool output and continued messages', () => {
  it('the SDK answers a denied approval in a new response: the finding says when useChat still finds the call', async () => {
    const bytes = await deniedApprovalResponse();
    const [finding] = findingsOf(await decode(bytes), 'orphan-tool-output');
    expect(finding).toMatchObject({ event: 1, severity: 'error' });
    expect(finding.message).toMatch(/"call-1".*continues an assistant message/);
    expect((await runSdkClient(bytes)).error?.message).toContain('"call-1"');
  });
});

describe('duplicate-start and step-closes-open-part: what readUIMessageStream and useChat do', () => {
  const renamed = sseOf(inserted(textTurn, 5, { type: 'start', messageId: 'm2' }));

  it('a second start with another messageId: readUIMessageStream starts a new message, useChat shows two', async () => {
    const report = await decode(renamed);
    expect(codesOf(report)).toEqual(['duplicate-start']);
    const run = await runSdkClient(renamed);
    expect(run.error).toBeUndefined();
    expect(run.messages.map((message) => message.id)).toContain('m1');
    expect(run.message?.id).toBe('m2');
    expect(report.message).toEqual(run.message);
    const chat = await runChat(renamed);
    expect(chat.status).toBe('ready');
    expect(chat.assistantMessages.map((message) => message.id)).toEqual(['m1', 'm2']);
    // Releases differ, as the message says: ai 7 drops the parts too, ai 5 and 6.0.230 keep them.
    expect((await runSdkClient(renamed, 'ai7')).message?.parts).toEqual([]);
    for (const release of ['ai5loose', 'ai6strict'] as const) expect((await runSdkClient(renamed, release)).message).toMatchObject({ id: 'm2', parts: [{ type: 'step-start' }, { type: 'text', text: 'Hello' }] });
    expect(findingsOf(await decode(renamed), 'duplicate-start')[0].message).toContain('ai 5 and ai 6.0.230 keep its parts');
  });

  it('a second start with the same messageId: both clients keep one message', async () => {
    const bytes = sseOf(inserted(textTurn, 4, { type: 'start', messageId: 'm1' }));
    expect(findingsOf(await decode(bytes), 'duplicate-start')[0].message).toContain('merge it into the same message');
    expect((await runChat(bytes)).assistantMessages).toHaveLength(1);
    expect((await runSdkClient(bytes)).message).toEqual((await decode(bytes)).message);
  });

  it('a finish-step closes an open text part: it stays "streaming", and a later delta fails naming that finish-step', async () => {
    const closed = sseOf(replaced(textTurn, 4));
    const run = await runSdkClient(closed);
    expect(run.error).toBeUndefined();
    expect(run.message?.parts.find((part) => part.type === 'text')).toMatchObject({ state: 'streaming' });
    // Merged streams: the other source's "finish-step" came between t1's deltas.
    const merged = sseOf(inserted(textTurn, 3, { type: 'finish-step' }, { type: 'start-step' }));
    const report = await decode(merged);
    expect(findingsOf(report, 'step-closes-open-part')[0]).toMatchObject({ event: 3 });
    expect(findingsOf(report, 'orphan-delta')[0].message).toContain('the "finish-step" at event 3 closed it');
    expect((await runSdkClient(merged)).error?.message).toContain('"t1"');
    expect((await runSdkClient(merged, 'ai5loose')).error).toBeDefined();
    // ai 7 keeps the part open across the step end, as the message says.
    expect((await runSdkClient(merged, 'ai7')).error).toBeUndefined();
    expect(findingsOf(report, 'step-closes-open-part')[0].message).toContain('ai 7 keeps it open');
  });

  it('--client 7 follows ai 7: the part stays open across finish-step, so its later deltas are no orphans', async () => {
    const merged = sseOf(inserted(textTurn, 3, { type: 'finish-step' }, { type: 'start-step' }));
    const run = await runSdkClient(merged, 'ai7');
    expect(run.error).toBeUndefined();
    const report = await decode(merged, { client: '7' });
    expect(codesOf(report)).toEqual(['step-closes-open-part']);
    expect(findingsOf(report, 'step-closes-open-part')[0]).toMatchObject({ event: 3, severity: 'info' });
    expect(report.message).toEqual(run.message);
    // The part is still open after the step: never ended, it is unclosed at "finish" for ai 7 too.
    const neverEnded = sseOf(inserted(replaced(textTurn, 4), 3, { type: 'finish-step' }, { type: 'start-step' }));
    const unended = await decode(neverEnded, { client: '7' });
    expect(codesOf(unended)).toContain('unclosed-part');
    expect(unended.message).toEqual((await runSdkClient(neverEnded, 'ai7')).message);
  });
});

describe('json-too-deep: the real client overflows its stack copying a deeply nested message', () => {
  const withMetadata = deepMetadataTurn;
  const withData = (levels: number, transient?: boolean) => sseOf(inserted(textTurn, 5, { type: 'data-deep', data: nested(levels), ...(transient ? { transient } : {}) }));

  it.each([
    ['message metadata', withMetadata(1950), 0, 1951],
    ['a data part', withData(1950), 5, 1953],
  ])('%s past the Node limit: a warning at its chunk, and ai 6 and 7 fail there in Node', async (_name, bytes, event, depth) => {
    const report = await decode(bytes);
    expect(codesOf(report)).toEqual(['json-too-deep']);
    expect(findingsOf(report, 'json-too-deep')[0]).toMatchObject({ event, severity: 'warning' });
    expect(findingsOf(report, 'json-too-deep')[0].message).toContain(`${depth} levels deep`);
    for (const release of ['ai', 'ai7'] as const) expect((await runSdkClient(bytes, release)).error?.message).toContain('Maximum call stack size exceeded');
  });

  it.each([
    ['message metadata', withMetadata(1850)],
    ['a data part', withData(1850)],
    ['a transient data part (never in the message)', withData(3000, true)],
  ])('%s the client survives: no finding', async (_name, bytes) => {
    expect(codesOf(await decode(bytes))).toEqual([]);
    for (const release of ['ai', 'ai7'] as const) expect((await runSdkClient(bytes, release)).error).toBeUndefined();
  });

  it('past what Chromium survives it is an error; merged metadata counts its deepest side', async () => {
    expect(findingsOf(await decode(withMetadata(4000)), 'json-too-deep')[0]).toMatchObject({ event: 0, severity: 'error' });
    const merged = sseOf(inserted(textTurn, 6, { type: 'message-metadata', messageMetadata: { b: nested(1800) } }).map((item, index) => (index === 0 ? { type: 'start', messageId: 'm1', messageMetadata: { a: nested(1800) } } : item)));
    expect(codesOf(await decode(merged))).toEqual([]);
    expect((await runSdkClient(merged)).error).toBeUndefined();
  });
});
