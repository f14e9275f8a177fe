import { describe, expect, it } from 'vitest';
import { continuedMessage } from './chat-request.js';

const assistant = { id: 'a1', role: 'assistant', parts: [{ type: 'step-start' }, { type: 'tool-delete', toolCallId: 'c1', state: 'approval-responded' }] };
const user = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] };
const body = (messages: unknown[], extra: Record<string, unknown> = {}): string => JSON.stringify({ id: 'chat', messages, trigger: 'submit-message', ...extra });

describe('continuedMessage', () => {
  it('is the last message of a chat request when it is the assistant\'s', () => {
    expect(continuedMessage(body([user, assistant], { custom: 1 }))).toEqual(assistant);
  });

  it.each([
    ['a new user message', body([assistant, user])],
    ['no messages', body([])],
    ['a body that is not a chat request', JSON.stringify({ prompt: 'hi' })],
    ['a body cut short (the panel keeps the first 64 KB)', body([user, assistant]).slice(0, 40)],
    ['an assistant message without parts', body([user, { id: 'a1', role: 'assistant' }])],
    ['no body', null],
  ])('is undefined for %s', (_, text) => {
    expect(continuedMessage(text)).toBeUndefined();
  });
});
