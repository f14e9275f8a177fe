// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../state/store.js';
import { capture, renderInStore } from '../test-support/panel-render.js';
import { MessageView } from './MessageView.js';

afterEach(cleanup);

describe('MessageView', () => {
  it('shows the message the client rebuilds: text, reasoning, tool call with input and output, source, file and data parts', async () => {
    const store = createStore();
    const entry = capture(
      store,
      's1',
      [
        {
          at: 1,
          chunks: [
            { type: 'start', messageId: 'msg-1' },
            { type: 'reasoning-start', id: 'r1' },
            { type: 'reasoning-delta', id: 'r1', delta: 'Thinking <b>hard</b>' },
            { type: 'reasoning-end', id: 'r1' },
            { type: 'tool-input-available', toolCallId: 'call-1', toolName: 'weather', input: { city: 'Berlin' } },
            { type: 'tool-output-available', toolCallId: 'call-1', output: { celsius: 21 } },
            { type: 'source-url', sourceId: 'src-1', url: 'https://example.com/berlin', title: 'Berlin weather' },
            { type: 'file', url: 'data:text/plain;base64,aGk=', mediaType: 'text/plain' },
            { type: 'data-forecast', id: 'f1', data: { days: 3 } },
            { type: 'text-start', id: 't1' },
            { type: 'text-delta', id: 't1', delta: 'It is ' },
            { type: 'text-delta', id: 't1', delta: 'sunny.' },
            { type: 'text-end', id: 't1' },
            { type: 'finish' },
          ],
        },
      ],
      { done: true, end: { at: 2, outcome: 'complete' } },
    );
    renderInStore(<MessageView entry={entry} />, store);

    const message = await screen.findByTestId('message');
    expect(message.querySelector('.message-meta code')?.textContent).toBe('msg-1');
    expect(screen.getByTestId('part-text').querySelector('.part-text')?.textContent).toBe('It is sunny.');
    expect(screen.getByTestId('part-text').querySelector('.part-state')?.textContent).toBe('done');
    expect(screen.getByTestId('part-reasoning').querySelector('.part-text')?.textContent).toBe('Thinking <b>hard</b>');
    expect(screen.getByTestId('part-reasoning').querySelector('b')).toBeNull();

    const tool = screen.getByTestId('part-tool');
    expect(tool.querySelector('strong')?.textContent).toBe('weather');
    expect(tool.textContent).toContain('call-1');
    expect(tool.querySelector('.part-state')?.textContent).toBe('output-available');
    expect([...tool.querySelectorAll('.part-field')].map((field) => [field.querySelector('.part-field-label')?.textContent, JSON.parse(field.querySelector('pre')?.textContent ?? '')])).toEqual([
      ['input', { city: 'Berlin' }],
      ['output', { celsius: 21 }],
    ]);
    expect(screen.getByTestId('part-source').textContent).toContain('Berlin weather');
    expect(screen.getByTestId('part-source').textContent).toContain('https://example.com/berlin');
    expect(screen.getByTestId('part-file').textContent).toContain('text/plain');
    expect(screen.getByTestId('part-data').querySelector('.part-head')?.textContent).toContain('data-forecast');
    expect(screen.queryByText('streaming')).toBeNull();
  });

  it('marks the events search in the text and says a live message is still streaming', async () => {
    const store = createStore();
    const entry = capture(store, 's1', [{ at: 1, chunks: [{ type: 'start' }, { type: 'text-start', id: 't1' }, { type: 'text-delta', id: 't1', delta: 'Hello Berlin' }] }]);
    store.filter.events.value = 'berlin';
    renderInStore(<MessageView entry={entry} />, store);
    await screen.findByTestId('message');
    expect(screen.getByTestId('part-text').querySelector('mark')?.textContent).toBe('Berlin');
    expect(screen.getByTestId('part-text').querySelector('.part-state')?.textContent).toBe('streaming');
    expect(screen.getByText('streaming', { selector: '.state-live' })).toBeTruthy();
  });
});
