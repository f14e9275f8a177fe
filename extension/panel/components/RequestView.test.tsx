// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../state/store.js';
import { capture, renderInStore, textAnswer } from '../test-support/panel-render.js';
import { RequestView } from './RequestView.js';

afterEach(cleanup);

const secret = 'Bearer sk-live-123';
const chat = JSON.stringify({
  messages: [
    { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'weather in Berlin?' }] },
  ],
});

function showRequest(responseHeaders?: Record<string, string>) {
  const store = createStore();
  const entry = capture(store, 's1', [{ at: 5, chunks: textAnswer(['ok']) }], {
    done: true,
    end: { at: 10, outcome: 'complete' },
    meta: { requestHeaders: { authorization: secret, 'content-type': 'application/json' }, requestBody: chat, ...(responseHeaders && { responseHeaders }) },
  });
  return renderInStore(<RequestView entry={entry} />, store);
}

const headerValue = (table: HTMLElement, name: string) => within(table).getByText(name, { selector: 'th' }).nextElementSibling?.textContent;

describe('RequestView', () => {
  it('shows the URL, method and status, and the chat body as a transcript', () => {
    showRequest();
    const general = screen.getByText('General').parentElement!;
    expect(headerValue(general, 'URL')).toBe('http://127.0.0.1:8787/api/chat');
    expect(headerValue(general, 'method')).toBe('POST');
    expect(headerValue(general, 'status')).toBe('200 OK');
    expect(headerValue(general, 'captured by')).toBe('fetch (wire bytes)');
    expect(screen.getByTestId('transcript').textContent).toContain('weather in Berlin?');
  });

  it('hides secret request headers until the user reveals them', () => {
    showRequest();
    const headers = screen.getByTestId('request-headers');
    expect(headerValue(headers, 'authorization')).toBe('hidden (secret)');
    expect(headerValue(headers, 'content-type')).toBe('application/json');
    expect(document.body.textContent).not.toContain(secret);

    fireEvent.click(screen.getByLabelText('show secrets'));
    expect(headerValue(screen.getByTestId('request-headers'), 'authorization')).toBe(secret);
  });

  it('checks the protocol’s response headers and says what AI SDK servers send instead', () => {
    showRequest({ 'content-type': 'text/event-stream' });
    const rows = screen.getAllByTestId('protocol-header');
    const row = (name: string) => rows.find((candidate) => candidate.querySelector('th')?.textContent === name)!;
    expect(row('content-type').className).toBe('ok');
    const marker = row('x-vercel-ai-ui-message-stream');
    expect(marker.className).toBe('off');
    expect(marker.textContent).toContain('absent');
    expect(marker.textContent).toContain('(AI SDK servers send "v1")');
  });
});
