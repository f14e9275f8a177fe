/**
 * The pages and streams the extension tests load, from node:http on 127.0.0.1. It records which
 * responses the client closed before they ended, so tests can check that cancelling closes the
 * connection.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundleAiClient } from './ai-client.js';
import { aiReply, streams, type Part } from './streams.js';

export type TestServer = {
  base: string;
  /** Resolves when the client closed request `id` (a `?id=` query) before it ended. */
  closedEarly(id: string): Promise<void>;
  close(): Promise<void>;
};

const sseHeaders = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };
/** Non-stream answers a chat backend gives when it fails (or does not stream), by `?type=`. */
export const replies: Record<string, { type: string; body: string }> = {
  json: { type: 'application/json', body: '{"error":"model overloaded","code":42}' },
  html: { type: 'text/html; charset=utf-8', body: '<!doctype html><title>Not Found</title><h1>404 — nothing here</h1>' },
};
const page = (title: string) => `<!doctype html><meta charset="utf-8"><title>${title}</title><body>${title}</body>`;

async function send(res: ServerResponse, parts: Part[], keepOpen = false): Promise<void> {
  for (const part of parts) {
    if (res.destroyed) return;
    res.write(part.bytes);
    if (part.pauseMs) await new Promise((resolve) => setTimeout(resolve, part.pauseMs));
    else await new Promise((resolve) => setImmediate(resolve));
  }
  if (!keepOpen) res.end();
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

export async function startTestServer(): Promise<TestServer> {
  const closed = new Map<string, () => void>();
  const flipped = new Set<string>();
  const closedPromises = new Map<string, Promise<void>>();
  const closedEarly = (id: string) => {
    let promise = closedPromises.get(id);
    if (!promise) {
      promise = new Promise<void>((resolve) => closed.set(id, resolve));
      closedPromises.set(id, promise);
    }
    return promise;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const id = url.searchParams.get('id');
    if (id) {
      void closedEarly(id);
      res.on('close', () => {
        if (!res.writableFinished) closed.get(id)?.();
      });
    }
    const [, route, name] = url.pathname.split('/');
    try {
      if (route === '' || route === 'page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(name || 'streamscope test page'));
      } else if (route === 'stream' && streams[name]) {
        const type = url.searchParams.get('type');
        res.writeHead(Number(url.searchParams.get('status') ?? 200), type === null ? sseHeaders : { 'content-type': type });
        await send(res, streams[name]());
      } else if (route === 'cors') {
        // an AI SDK server's headers, readable from any origin, exposing none of its own
        res.writeHead(200, { ...sseHeaders, 'x-vercel-ai-ui-message-stream': 'v1', 'x-accel-buffering': 'no', 'access-control-allow-origin': '*' });
        await send(res, streams.basic());
      } else if (route === 'vercel-header') {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-vercel-ai-ui-message-stream': 'v1' });
        await send(res, streams.basic());
      } else if (route === 'hang') {
        res.writeHead(200, sseHeaders);
        await send(res, [{ bytes: Buffer.from('data: first\n\n'), pauseMs: 0 }], true);
      } else if (route === 'cut') {
        res.writeHead(200, sseHeaders);
        res.write('data: partial\n\n');
        setTimeout(() => res.socket?.destroy(), 50);
      } else if (route === 'redirect') {
        res.writeHead(302, { location: `/stream/${name}` }).end();
      } else if (route === 'json') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-test': 'yes' }).end('{"ok":true,"n":[1,2]}');
      } else if (route === 'chat' && req.method === 'POST') {
        const body = JSON.parse(await readBody(req)) as { messages?: unknown[] };
        res.writeHead(200, { ...sseHeaders, 'x-vercel-ai-ui-message-stream': 'v1', 'x-messages': String(body.messages?.length ?? 0) });
        await send(res, aiReply(Number(url.searchParams.get('deltas') ?? 20), Number(url.searchParams.get('pause') ?? 1)));
      } else if (route === 'reply') {
        await readBody(req);
        const reply = replies[url.searchParams.get('type') ?? 'json'];
        res.writeHead(Number(name), { 'content-type': reply.type, 'x-test': 'reply' }).end(reply.body);
      } else if (route === 'flip') {
        // streams the first time a key is asked for, then fails: a URL that streamed before
        await readBody(req);
        if (flipped.has(name)) {
          res.writeHead(500, { 'content-type': replies.json.type }).end(replies.json.body);
        } else {
          flipped.add(name);
          res.writeHead(200, sseHeaders);
          await send(res, streams.basic());
        }
      } else if (route === 'es') {
        res.writeHead(200, sseHeaders);
        await send(
          res,
          ['retry: 1500\n\n', 'data: plain\n\n', 'event: custom\ndata: a\ndata: b\n\n', 'id: 42\ndata: with id\n\n', ': comment\n\n', 'event: ignored\ndata: nobody\n\n', 'event: custom\nid: 43\ndata: last\n\n'].map(
            (value) => ({ bytes: Buffer.from(value), pauseMs: 5 }),
          ),
          true,
        );
      } else if (route === 'ai-client.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(await bundleAiClient());
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    } catch (error) {
      res.destroy(error as Error);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    closedEarly,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
