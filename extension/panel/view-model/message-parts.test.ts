import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeStream } from '../../../protocol/index.js';
import { messageItems, partItem, stepOf } from './message-parts.js';

describe('message parts', () => {
  it('turns every kind of part into a view item', () => {
    expect(partItem({ type: 'reasoning', text: 'hmm', state: 'done' })).toEqual({ kind: 'reasoning', text: 'hmm', state: 'done' });
    expect(partItem({ type: 'dynamic-tool', toolName: 'search', toolCallId: 'c', state: 'output-error', errorText: 'boom', input: {} })).toMatchObject({
      kind: 'tool',
      toolName: 'search',
      dynamic: true,
      errorText: 'boom',
    });
    expect(partItem({ type: 'source-url', sourceId: 's', url: 'https://example.org' })).toEqual({
      kind: 'source',
      title: 'https://example.org',
      href: 'https://example.org',
      sourceId: 's',
    });
    expect(partItem({ type: 'file', mediaType: 'image/png', url: 'data:x' })).toEqual({ kind: 'file', mediaType: 'image/png', url: 'data:x', filename: null });
    expect(partItem({ type: 'data-status', id: 'x', data: { ok: true } })).toEqual({ kind: 'data', name: 'status', id: 'x', data: { ok: true } });
    expect(partItem({ type: 'mystery' })).toMatchObject({ kind: 'other', type: 'mystery' });
  });

  it('shows the reassembled multi-step tool sample as the client builds it', async () => {
    const report = await decodeStream(readFileSync(new URL('../../../protocol/fixtures/ai-sdk-tool-multistep.sse', import.meta.url), 'utf8'));
    const items = messageItems(report.message);
    expect(items.map((item) => item.kind)).toEqual(['step', 'tool', 'step', 'text']);
    expect(items[1]).toMatchObject({ toolName: 'weather', state: 'output-available', input: { city: 'Berlin' }, output: { tempC: 21 } });
    expect(items[3]).toMatchObject({ text: 'It is 21°C in Berlin.', state: 'done' });
    expect(stepOf(items)).toEqual([1, 1, 2, 2]);
  });
});
