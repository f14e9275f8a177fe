import { describe, expect, it } from 'vitest';
import { checkProtocolHeaders, isSecretHeader } from './protocol-headers.js';

describe('protocol headers', () => {
  it('checks each of the protocol\'s response headers against what AI SDK servers send, names in any case', () => {
    const ai = { 'Content-Type': 'text/event-stream; charset=utf-8', 'x-vercel-ai-ui-message-stream': 'v1', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' };
    expect(checkProtocolHeaders({ headers: ai }).every((header) => header.matches)).toBe(true);
    const bad = checkProtocolHeaders({ headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
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

  it('does not judge a header a cross-origin page could not see, but still judges what it saw', () => {
    const seen = checkProtocolHeaders({ headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' }, headersVisible: 'cors' });
    expect(seen.filter((header) => header.hidden).map((header) => header.name)).toEqual(['x-vercel-ai-ui-message-stream', 'content-encoding', 'x-accel-buffering']);
    expect(seen.filter((header) => !header.matches).map((header) => header.name)).toEqual(['content-type']);
    const sent = checkProtocolHeaders({ headers: { 'x-accel-buffering': 'yes' }, headersVisible: 'cors' });
    expect(sent.find((header) => header.name === 'x-accel-buffering')).toMatchObject({ hidden: false, matches: false });
  });

  it('knows which headers hold secrets', () => {
    for (const name of ['authorization', 'Cookie', 'set-cookie', 'x-api-key', 'openai-api-key', 'x-auth-token', 'x-session-token']) expect(isSecretHeader(name)).toBe(true);
    for (const name of ['content-type', 'x-vercel-ai-ui-message-stream', 'accept', 'x-tokenizer']) expect(isSecretHeader(name)).toBe(false);
  });
});
