import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readComment, usageFromChunk } from './dialects.js';
import { createDecoder } from './decoder.js';
import { encodeHeartbeat, encodeUsageComment } from './encoder.js';
import type { Dialect } from './schemas/report.js';
import { decode, inserted, replaced, sseOf, textTurn, toolInput } from './test-support/linter-cases.js';
import { runSdkClient } from './test-support/client.js';
import { aiSdkStreams } from './test-support/ai-sdk-streams.js';

const sample = readFileSync(new URL('./fixtures/autogpt-copilot-turn.sse', import.meta.url), 'utf8');
const usage = { promptTokens: 120, completionTokens: 30, totalTokens: 150 };

describe('readComment and usageFromChunk', () => {
  it('reads heartbeats and usage comments, and nothing else', () => {
    expect(readComment('heartbeat')).toEqual({ kind: 'heartbeat' });
    expect(readComment(' heartbeat ')).toEqual({ kind: 'heartbeat' });
    expect(readComment('usage {"promptTokens":1,"totalTokens":2}')).toEqual({ kind: 'usage', usage: { promptTokens: 1, totalTokens: 2 } });
    expect(readComment('usage {"promptTokens":"many"}')).toEqual({ kind: 'other' });
    expect(readComment('usage {not json')).toEqual({ kind: 'other' });
    expect(readComment('heartbeats')).toEqual({ kind: 'other' });
    expect(readComment('keep-alive')).toEqual({ kind: 'other' });
  });

  it('reads the usage chunk AutoGPT sends as data', () => {
    expect(usageFromChunk({ type: 'usage', ...usage })).toEqual(usage);
    expect(usageFromChunk({ type: 'data-usage', ...usage })).toBeNull();
    expect(usageFromChunk({ type: 'usage', totalTokens: 'x' })).toBeNull();
    expect(usageFromChunk(null)).toBeNull();
  });
});

describe('the AutoGPT copilot sample', () => {
  it('is detected as AutoGPT, its usage chunk understood and still flagged unknown-type', async () => {
    const report = await decode(sample);
    expect(report.summary.dialect).toBe('autogpt');
    expect(report.summary.usage).toEqual(usage);
    const usageEvent = report.events.find((event) => event.type === 'usage');
    expect(usageEvent).toMatchObject({ index: 16, kind: 'unknown-type', usage });
    expect(report.findings.map((finding) => [finding.code, finding.severity, finding.event])).toEqual([
      ['unknown-type', 'error', 16],
      ['missing-done', 'info', null],
    ]);
  });

  it('the AI SDK client does reject that usage chunk', async () => {
    const run = await runSdkClient(sample);
    expect(run.error).toBeDefined();
    expect((await decode(sample)).message).toEqual(run.message);
  });

  it('its heartbeats are comments, not problems', async () => {
    const report = await decode(sample);
    const heartbeats = report.events.filter((event) => event.kind === 'comment');
    expect(heartbeats.map((event) => [event.index, event.comment])).toEqual([
      [7, 'heartbeat'],
      [8, 'heartbeat'],
    ]);
    expect(report.summary.comments).toBe(2);
    expect(report.findings.some((finding) => finding.event === 7 || finding.event === 8)).toBe(false);
  });

  it('--dialect ai-sdk turns the usage reading off, and changes no finding', async () => {
    const detected = await decode(sample);
    const forced = await decode(sample, { dialect: 'ai-sdk' });
    expect(forced.summary.dialect).toBe('ai-sdk');
    expect(forced.summary.usage).toBeNull();
    expect(forced.events.some((event) => event.usage !== undefined)).toBe(false);
    expect(forced.findings).toEqual(detected.findings);
    expect(forced.message).toEqual(detected.message);
  });
});

describe('detection', () => {
  it('an AI SDK stream stays ai-sdk; a heartbeat or a usage comment turns autogpt on from there', async () => {
    expect((await decode(sseOf(textTurn))).summary.dialect).toBe('ai-sdk');
    expect((await decode(sseOf(textTurn), { dialect: 'autogpt' })).summary.dialect).toBe('autogpt');
    expect((await decode(sseOf(textTurn.slice(0, 3)).replace('data: [DONE]\n\n', '') + ': keep-alive\n\n')).summary.dialect).toBe('ai-sdk');
    const decoder = createDecoder();
    decoder.push(sseOf(textTurn.slice(0, 3), { done: false }));
    expect(decoder.dialect).toBe('ai-sdk');
    decoder.push(encodeHeartbeat());
    expect(decoder.dialect).toBe('autogpt');
  });

  it('parses `: usage {json}` comments into the record and the summary, the last one winning', async () => {
    const text = sseOf(inserted(textTurn, 6, encodeUsageComment({ promptTokens: 5, totalTokens: 9 }), encodeUsageComment(usage)));
    const report = await decode(text);
    expect(report.summary.dialect).toBe('autogpt');
    expect(report.summary.usage).toEqual(usage);
    expect(report.events.filter((event) => event.usage).map((event) => [event.index, event.kind, event.usage])).toEqual([
      [6, 'comment', { promptTokens: 5, totalTokens: 9 }],
      [7, 'comment', usage],
    ]);
    expect(report.findings).toEqual([]);
    const forced = await decode(text, { dialect: 'ai-sdk' });
    expect(forced.summary.usage).toBeNull();
    expect(forced.events.some((event) => event.usage)).toBe(false);
  });
});

describe('a dialect never changes findings', () => {
  const streams: Array<[string, () => string | Promise<string>]> = [
    ['the AutoGPT sample', () => sample],
    ['the AutoGPT sample without its finish (stuck session)', () => sample.replace('data: {"type":"finish"}\n\n', ': heartbeat\n\n')],
    ['a duplicate finish with heartbeats', () => sseOf([...textTurn, encodeHeartbeat(), { type: 'finish' }])],
    ['usage chunk and usage comment', () => sseOf(inserted(textTurn, 6, { type: 'usage', ...usage }, encodeUsageComment(usage)))],
    ['orphan delta', () => sseOf(replaced(textTurn, 3, { type: 'text-delta', id: 't9', delta: 'x' }))],
    ['a tool call without output and no [DONE]', () => sseOf(inserted(textTurn, 5, ...toolInput('call-1')), { done: false })],
    ['extra field, error chunk and broken framing', () => `${sseOf(inserted(replaced(textTurn, 3, { type: 'text-delta', id: 't1', delta: 'x', n: 1 }), 5, { type: 'error', errorText: 'e' }))}event: x\n\nid: 1:2\ndata: {"type":"data-x","data":1}`],
    ['the SDK server\'s error stream', () => aiSdkStreams.error()],
  ];

  it.each(streams)('%s: the same findings and message for ai-sdk, autogpt and auto', async (_name, make) => {
    const text = await make();
    const reports = await Promise.all((['ai-sdk', 'autogpt', 'auto'] as const).map((dialect: Dialect | 'auto') => decode(text, { dialect })));
    expect(reports[0].findings.length).toBeGreaterThan(0);
    expect(reports[1].findings).toEqual(reports[0].findings);
    expect(reports[2].findings).toEqual(reports[0].findings);
    expect(reports[1].message).toEqual(reports[0].message);
  });

  it('timing findings too: a stuck session with heartbeats stalls in either dialect', () => {
    const run = (dialect: Dialect) => {
      const decoder = createDecoder({ dialect, stallMs: 1000 });
      decoder.push(sseOf(textTurn.slice(0, 3), { done: false }), 0);
      for (let at = 500; at <= 3000; at += 500) decoder.push(encodeHeartbeat(), at);
      decoder.tick(3000);
      return decoder.end(3000).findings;
    };
    const findings = run('autogpt');
    expect(findings.map((finding) => finding.code)).toEqual(['stall', 'missing-finish', 'missing-done']);
    expect(run('ai-sdk')).toEqual(findings);
  });
});
