/**
 * A page and its streams on 127.0.0.1 for the panel tests. `/stream/NAME` sends a demo stream;
 * with `?hold=KEY` it stops before its last part until the test calls `release(KEY)`, so the
 * panel can be seen with the stream live. `POST /api/chat` does the same with `stream` and `hold`
 * in its JSON body, so every request has the URL a chat app's would; `waitMs` there delays the
 * response headers (a server that thinks before answering).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cleanTextReply, longReply, splitWordsReply, steppedWithStallReply, toolReplyWithFindings, unknownReasonReply, type Part } from './demo-streams.js';

export type PanelServer = { base: string; release(key: string): void; close(): Promise<void> };

const streams: Record<string, () => Part[]> = {
  tool: toolReplyWithFindings,
  clean: cleanTextReply,
  long: () => longReply(5000),
  'unknown-reason': unknownReasonReply,
  'split-words': splitWordsReply,
  'stepped-stall': steppedWithStallReply,
};

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startPanelServer(): Promise<PanelServer> {
  const gates = new Map<string, { open: Promise<void>; release: () => void }>();
  const gate = (key: string) => {
    let entry = gates.get(key);
    if (!entry) {
      let release = () => {};
      const open = new Promise<void>((resolve) => (release = resolve));
      entry = { open, release };
      gates.set(key, entry);
    }
    return entry;
  };

  async function send(res: ServerResponse, parts: Part[], hold: string | null): Promise<void> {
    for (const [position, part] of parts.entries()) {
      if (hold && position === parts.length - 1) await gate(hold).open;
      if (res.destroyed) return;
      res.write(part.text);
      if (part.pauseMs) await pause(part.pauseMs);
    }
    res.end();
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, route, name] = url.pathname.split('/');
    const cors = { 'access-control-allow-origin': '*' };
    const headers = { ...cors, 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-vercel-ai-ui-message-stream': 'v1', 'x-accel-buffering': 'no' };
    if (route === 'stream' && streams[name]) {
      res.writeHead(200, headers);
      await send(res, streams[name](), url.searchParams.get('hold'));
    } else if (route === 'api' && name === 'chat' && req.method === 'POST') {
      const body = JSON.parse(await readBody(req)) as { stream?: string; hold?: string; waitMs?: string };
      const stream = streams[body.stream ?? 'clean'];
      if (!stream) return void res.writeHead(400, { 'content-type': 'text/plain' }).end(`no stream "${body.stream}"`);
      if (body.waitMs) await pause(Number(body.waitMs));
      res.writeHead(200, headers);
      await send(res, stream(), body.hold ?? null);
    } else if (route === '' || route === 'chat') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><title>demo chat</title><body>demo chat</body>');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    release: (key) => gate(key).release(),
    close: () =>
      new Promise((resolve) => {
        for (const entry of gates.values()) entry.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
