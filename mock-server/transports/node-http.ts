/**
 * node:http in front of MSW handlers: each request becomes a fetch `Request`, MSW's own
 * `getResponse` picks the handler and resolves it, and the response body is piped out chunk by
 * chunk as the handler produces it. A client that goes away cancels the body, which clears the
 * scenario's timer. CORS is answered here (see cors.ts), and request bodies are read only up to
 * a limit, so no client can make the server hold more.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { limits } from '../../protocol/limits.js';
import { corsOrigins, originAllowed, type CorsOrigins } from './cors.js';

export type NodeHttpOptions = {
  port?: number;
  host?: string;
  /** Origins other than loopback ones whose pages may call the server; `*` for any. */
  cors?: readonly string[];
  /** Bytes of a request body read at most; a larger request gets 413 (default 16 MiB). */
  maxBodyBytes?: number;
};

type Policy = { cors: CorsOrigins; maxBodyBytes: number };

export type NodeHttpServer = {
  readonly url: string;
  readonly port: number;
  /** Open client connections. */
  sockets(): number;
  close(): Promise<void>;
};

const exposedHeaders = 'x-streamscope-scenario, x-vercel-ai-ui-message-stream';

/** Only an allowed origin gets here (see `handle`); a request without one needs no CORS headers. */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  if (req.headers.origin === undefined) return { vary: 'origin' };
  return {
    'access-control-allow-origin': req.headers.origin,
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

/** The body, or `too-large` as soon as it is known to pass `maxBytes` (declared or counted): nothing more is read. */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | undefined | 'too-large'> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  if (Number(req.headers['content-length']) > maxBytes) return 'too-large';
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    size += (part as Buffer).length;
    if (size > maxBytes) return 'too-large';
    parts.push(part as Buffer);
  }
  return new Uint8Array(Buffer.concat(parts));
}

function toRequest(req: IncomingMessage, origin: string, body: Uint8Array<ArrayBuffer> | undefined, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body, signal });
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

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = corsHeaders(req)): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Refused without CORS headers, so the page that sent it cannot even read why. */
function forbidOrigin(req: IncomingMessage, res: ServerResponse): void {
  const error = `[streamscope] origin ${req.headers.origin} may not call this mock server: it answers pages on loopback origins; allow others with --cors ORIGIN (startMockServer's cors option)`;
  sendJson(req, res, 403, { error }, { vary: 'origin' });
}

/** 413, then the connection is closed rather than the rest of the body read. */
function bodyTooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  res.on('finish', () => req.destroy());
  const error = `[streamscope] request body over ${maxBytes} bytes: raise the limit with --max-body-mb (startMockServer's maxBodyBytes option)`;
  sendJson(req, res, 413, { error }, { ...corsHeaders(req), connection: 'close' });
}

async function handle(handlers: () => readonly RequestHandler[], origin: string, policy: Policy, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!originAllowed(req.headers.origin, req.headers.host, policy.cors)) return forbidOrigin(req, res);
  if (req.method === 'OPTIONS') return preflight(req, res);
  const body = await readBody(req, policy.maxBodyBytes);
  if (body === 'too-large') return bodyTooLarge(req, res, policy.maxBodyBytes);
  const aborted = new AbortController();
  res.on('close', () => aborted.abort());
  let response: Response | undefined;
  try {
    response = await getResponse([...handlers()], toRequest(req, origin, body, aborted.signal), { baseUrl: origin, quiet: true });
  } catch (error) {
    return sendJson(req, res, 500, { error: `[streamscope] handler failed: ${(error as Error).message}` });
  }
  if (!response) return sendJson(req, res, 404, { error: `[streamscope] no mock endpoint for ${req.method} ${req.url}` });
  await writeResponse(response, req, res);
}

/** Serves `handlers` (read on every request, so they may change) on 127.0.0.1. */
export async function listenNodeHttp(handlers: () => readonly RequestHandler[], options: NodeHttpOptions = {}): Promise<NodeHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const policy: Policy = { cors: corsOrigins(options.cors ?? []), maxBodyBytes: options.maxBodyBytes ?? limits.mockRequestBodyBytes };
  const sockets = new Set<Socket>();
  let origin = '';
  const server: Server = createServer((req, res) => {
    handle(handlers, origin, policy, req, res).catch(() => res.destroy());
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
