/**
 * MSW handlers that serve the built demo page (`dist/demo`, from `npm run build:demo`) for the
 * node:http server. Node-only: the browser worker is the demo page's own host.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse, type HttpHandler } from 'msw';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** `dist/demo` seen from the compiled module (dist/mock-server/transports) or from the source. */
export function findDemoDir(): string | undefined {
  const candidates = ['../../demo', '../../dist/demo'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

const notBuilt = `<!doctype html><meta charset="utf-8"><title>streamscope mock server</title>
<p>The demo page is not built. Run <code>npm run build:demo</code> (or <code>npm start</code>) and reload.</p>
<p>The endpoints work without it: <code>POST /api/chat</code>, <code>GET /sse/plain-text</code>, <code>GET /api/scenarios</code>.</p>`;

async function serveFile(dir: string, relative: string): Promise<Response> {
  const path = normalize(join(dir, relative));
  if (!path.startsWith(dir + sep)) return new HttpResponse(null, { status: 404 });
  try {
    const body = await readFile(path);
    return new HttpResponse(body, { headers: { 'content-type': contentTypes[extname(path)] ?? 'application/octet-stream' } });
  } catch {
    return new HttpResponse(null, { status: 404 });
  }
}

export function createDemoHandlers(dir: string | undefined = findDemoDir()): HttpHandler[] {
  return [
    http.get('/', (): Promise<Response> | Response => (dir ? serveFile(dir, 'index.html') : HttpResponse.html(notBuilt))),
    http.get('/assets/*', ({ request }) => (dir ? serveFile(dir, new URL(request.url).pathname) : new HttpResponse(null, { status: 404 }))),
    http.get('/mockServiceWorker.js', () => (dir ? serveFile(dir, 'mockServiceWorker.js') : new HttpResponse(null, { status: 404 }))),
  ];
}
