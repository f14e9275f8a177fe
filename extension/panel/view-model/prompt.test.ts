import { describe, expect, it } from 'vitest';
import { parseBody, promptOf, transcriptOf } from './prompt.js';

const chat = {
  id: 'c1',
  messages: [
    { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'first   question' }] },
    { id: 'a1', role: 'assistant', parts: [{ type: 'step-start' }, { type: 'text', text: 'an answer' }] },
    { id: 'u2', role: 'user', parts: [{ type: 'file', url: 'x' }, { type: 'text', text: 'weather\nin Berlin?' }] },
    { id: 'a2', role: 'assistant', parts: [{ type: 'tool-weather', state: 'approval-requested' }] },
  ],
};

describe('prompt', () => {
  it('is the last user message text on one line, whatever comes after it', () => {
    expect(promptOf(chat)).toBe('weather in Berlin?');
    expect(promptOf({ messages: [{ role: 'user', content: 'old style' }] })).toBe('old style');
  });

  it('is null for bodies that are no chat, or without user text', () => {
    expect(promptOf(parseBody('not json'))).toBeNull();
    expect(promptOf(parseBody(null))).toBeNull();
    expect(promptOf({ prompt: 'x' })).toBeNull();
    expect(promptOf({ messages: [{ role: 'user', parts: [{ type: 'file' }] }] })).toBeNull();
    expect(promptOf({ messages: [null, 3] })).toBeNull();
  });

  it('makes a short transcript of a chat body, the last messages cut to length', () => {
    expect(transcriptOf(chat, 3, 8)).toEqual({
      earlier: 1,
      lines: [
        { role: 'assistant', text: 'an answe…' },
        { role: 'user', text: 'weather …' },
        { role: 'assistant', text: '(1 parts…' },
      ],
    });
    expect(transcriptOf({ input: 'x' })).toBeNull();
  });
});
