import { describe, expect, it } from 'vitest';
import { streamMeta } from '../test-support/stream-meta.js';
import { createStore } from './store.js';

const meta = streamMeta({ url: 'http://127.0.0.1/api/chat', startedAt: 0 });

describe('panel store', () => {
  it('resolves the selected stream, and loses it when the stream goes', () => {
    const store = createStore();
    store.streams.start('a', meta);
    store.streams.start('b', meta);
    store.selection.selectStream('b');
    expect(store.selectedStream.value?.id).toBe('b');
    store.streams.remove(['b']);
    expect(store.selectedStream.value).toBeUndefined();
  });

  it('clear forgets every stream and the selection', () => {
    const store = createStore();
    store.streams.start('a', meta);
    store.selection.selectStream('a');
    store.selection.revealEvent(3);
    store.clear();
    expect(store.streams.list.value).toEqual([]);
    expect(store.selection.streamId.value).toBeNull();
    expect(store.selection.eventIndex.value).toBeNull();
  });

  it('judges the headers of a stream the page read, not of one rebuilt from EventSource events (which show none)', () => {
    const store = createStore();
    const healthy = 'data: {"type":"start"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n';
    const read = (id: string, bytes: 'wire' | 'events') => {
      const entry = store.streams.start(id, streamMeta({ transport: bytes === 'events' ? 'eventsource' : 'fetch', bytes, responseHeaders: {} }));
      store.streams.push(id, healthy, 5);
      store.streams.end(id, 10, 'complete');
      return entry.findings.map((finding) => finding.code);
    };
    expect(read('fetched', 'wire')).toContain('header-problem');
    expect(read('eventsource', 'events')).toEqual([]);
  });

  it('keeps settings in storage, ignores invalid ones, and re-judges captured streams when they change', () => {
    const saved = new Map<string, string>();
    const storage = { getItem: (key: string) => saved.get(key) ?? null, setItem: (key: string, value: string) => void saved.set(key, value) };
    const store = createStore({ storage });
    const entry = store.streams.start('a', meta);
    // `finishReason: "unknown"` is valid for client 5 only
    store.streams.push('a', 'data: {"type":"start"}\n\ndata: {"type":"finish","finishReason":"unknown"}\n\ndata: [DONE]\n\n', 5);
    store.streams.end('a', 10, 'complete');
    expect(entry.findings.map((finding) => finding.code)).toEqual(['schema-violation']);

    store.settings.update({ client: '5' });
    expect(entry.findings.map((finding) => finding.code)).toEqual(['finish-reason-unsupported']);
    expect(entry.records).toHaveLength(3);
    store.settings.update({ stallMs: -1 });
    expect(createStore({ storage }).settings.current.value).toEqual({ client: '5', dialect: 'auto', stallMs: 5000, schemas: null });
  });

  it('loads the app\'s schemas file, says what is wrong with a bad one, and judges data parts by it', () => {
    const store = createStore();
    const entry = store.streams.start('a', meta);
    store.streams.push('a', 'data: {"type":"start"}\n\ndata: {"type":"data-weather","data":{"tempC":"warm"}}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n', 5);
    store.streams.end('a', 10, 'complete');
    expect(entry.findings).toEqual([]);
    expect(store.settings.loadSchemas('{"tools": 3')).toMatch(/^not JSON/);
    expect(store.settings.loadSchemas('{"tools": 3}')).toMatch(/tools/);
    expect(store.settings.current.value.schemas).toBeNull();
    expect(store.settings.loadSchemas(JSON.stringify({ data: { 'data-weather': { type: 'object', properties: { tempC: { type: 'number' } } } } }))).toBeNull();
    expect(entry.findings.map((finding) => finding.code)).toEqual(['data-invalid']);
  });
});
