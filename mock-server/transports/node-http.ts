/**
 * node:http in front of MSW handlers: each request becomes a fetch `Request`, MSW's own
 * `getResponse` picks the handler and resolves it, and the response body is piped out chunk by
 * chunk as the handler produces it. A client that goes away cancels the body, which clears the
 * scenario's timer. CORS is answered here, so a front end on another origin can call the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

export type NodeHttpOptions = { port?: number; host?: string };

export type NodeHttpServer = {
  readonly url: string;
  readonly port: number;
  /** Open client connections. */
  sockets(): number;
  close(): Promise<void>;
};

const exposedHeaders = 'x-streamscope-scenario, x-vercel-ai-ui-message-stream';

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-expose-headers': exposedHeaders,
    vary: 'origin',
  };
}

function preflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    ...corsHeaders(req),
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
    'access-control-max-age': '600',
  });
  res.end();
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body: await readBody(req), signal });
}

function writeSome(res: ServerResponse, bytes: Uint8Array): Promise<void> | undefined {
  if (res.write(bytes)) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Pipes a fetch `Response` out; a body that errors (a `disconnect` step) drops the connection. */
async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...corsHeaders(req) });
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => {
    if (!res.writableFinished) reader.cancel().catch(() => {});
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      await writeSome(res, value);
    }
    res.end();
  } catch {
    res.destroy();
  }
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', ...corsHeaders(req) });
  res.end(JSON.stringify(body));
}

async function handle(handlers: () => readonly RequestHandler[], origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'OPTIONS') return preflight(req, res);
  const aborted = new AbortController();
  res.on('close', () => aborted.abort());
  let response: Response | undefined;
  try {
    response = await getResponse([...handlers()], await toRequest(req, origin, aborted.signal), { baseUrl: origin, quiet: true });
  } catch (error) {
    return sendJson(req, res, 500, { error: `[streamscope] handler failed: ${(error as Error).message}` });
  }
  if (!response) return sendJson(req, res, 404, { error: `[streamscope] no mock endpoint for ${req.method} ${req.url}` });
  await writeResponse(response, req, res);
}

/** Serves `handlers` (read on every request, so they may change) on 127.0.0.1. */
export async function listenNodeHttp(handlers: () => readonly RequestHandler[], options: NodeHttpOptions = {}): Promise<NodeHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  let origin = '';
  const server: Server = createServer((req, res) => {
    handle(handlers, origin, req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: origin,
    port,
    sockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
