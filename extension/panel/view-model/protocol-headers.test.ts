import { describe, expect, it } from 'vitest';
import { checkProtocolHeaders, isSecretHeader } from './protocol-headers.js';

describe('protocol headers', () => {
  it('checks each of the protocol\'s response headers against what AI SDK servers send, names in any case', () => {
    const ai = { 'Content-Type': 'text/event-stream; charset=utf-8', 'x-vercel-ai-ui-message-stream': 'v1', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' };
    expect(checkProtocolHeaders(ai).every((header) => header.matches)).toBe(true);
    const bad = checkProtocolHeaders({ 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(bad.filter((header) => !header.matches).map((header) => header.name)).toEqual([
      'content-type',
      'x-vercel-ai-ui-message-stream',
      'content-encoding',
      'cache-control',
      'x-accel-buffering',
    ]);
    expect(bad[0]).toMatchObject({ value: 'application/json', expected: 'text/event-stream' });
    expect(bad.every((header) => header.why.length > 20)).toBe(true);
  });

  it('knows which headers hold secrets', () => {
    for (const name of ['authorization', 'Cookie', 'set-cookie', 'x-api-key', 'openai-api-key', 'x-auth-token', 'x-session-token']) expect(isSecretHeader(name)).toBe(true);
    for (const name of ['content-type', 'x-vercel-ai-ui-message-stream', 'accept', 'x-tokenizer']) expect(isSecretHeader(name)).toBe(false);
  });
});
