/**
 * The mock server under load. (1) 1,000 concurrent streams, a text delta every 50 ms and a
 * heartbeat every second, held for 10 s on loopback: the p99 lateness of deltas against their
 * schedule, as the clients see it, and the server's peak RSS. The server runs in a child process
 * (this file again, in the server role) so its RSS is its own. (2) One stream with no delays:
 * events/s through the MSW handlers and the node:http adapter, as a ratio against a bare node:http
 * server writing the same bytes, both in this process. (3) Request bodies: a fresh server child's
 * peak RSS after a 1 MiB chat POST (the baseline) and after a client tries to POST 1.5 GB (413 at
 * the body limit): memory, not time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { builtinScenarios } from '../mock-server/scenarios/builtins.js';
import { expandSteps } from '../protocol/scenarios/expand.js';
import { createRegistry } from '../mock-server/scenarios/registry.js';
import type { Scenario, Step } from '../protocol/scenarios/schema.js';
import { validateScenario } from '../protocol/scenarios/validate.js';
import { startMockServer } from '../mock-server/transports/http-server.js';
import { median, ratioLine } from './support/stats.js';

const streams = 1000;
const holdMs = 10_000;
const deltaMs = 50;
const heartbeatMs = 1000;
const burstEvents = 100_000;
/** Streams open over this long, as users arrive, rather than in one synchronous burst. */
const rampMs = 2000;

function scenario(value: unknown): Scenario {
  const result = validateScenario(value, 'bench');
  if (!result.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(result.problems)}`);
  return result.scenario;
}

/** Deltas every 50 ms for the hold time, a heartbeat every second between them. */
function dripScenario(): Scenario {
  const steps: Step[] = [{ step: 'chunk', chunk: { type: 'start' } }, { step: 'chunk', chunk: { type: 'text-start', id: 't' } }];
  for (let index = 1; index <= holdMs / deltaMs; index++) {
    steps.push({ step: 'delay', ms: deltaMs }, { step: 'chunk', chunk: { type: 'text-delta', id: 't', delta: `${index} ` } });
    if ((index * deltaMs) % heartbeatMs === 0) steps.push({ step: 'heartbeat' });
  }
  steps.push({ step: 'chunk', chunk: { type: 'text-end', id: 't' } }, { step: 'chunk', chunk: { type: 'finish' } }, { step: 'done' });
  return scenario({ name: 'bench-drip', expect: [], steps });
}

const burstScenario = scenario({
  name: 'bench-burst',
  expect: [],
  steps: [{ step: 'text', text: 'word ', repeat: burstEvents, unit: 'tokens', perDelta: 1 }, { step: 'done' }],
});

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
const line = (name: string, value: string, target: string, met: boolean) => console.log(`${name}: ${value} (target ${target}) ${met ? '✓' : '✗'}`);

// ── server role: the mock server in its own process, reporting its peak RSS on request ──

async function serverRole(): Promise<void> {
  const server = await startMockServer({ port: 0, registry: createRegistry([...builtinScenarios, dripScenario(), burstScenario]) });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  console.log(`ready ${server.url}`);
  for await (const command of createInterface({ input: process.stdin })) {
    if (command === 'rss') console.log(`rss ${Math.max(peak, process.resourceUsage().maxRSS * 1024)}`);
  }
  clearInterval(sampler);
  await server.close();
}

// ── client side ──

/** Reads one SSE response, calling `onDelta` with the delta's index and arrival time. */
function readDrip(response: IncomingMessage, onDelta: (index: number, at: number) => void): Promise<void> {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (piece: string) => {
    const now = performance.now();
    text += piece;
    const events = text.split('\n\n');
    text = events.pop() ?? '';
    for (const event of events) {
      const match = /"type":"(start|text-delta)"(?:,"id":"t","delta":"(\d+) ")?/.exec(event);
      if (match) onDelta(match[1] === 'start' ? 0 : Number(match[2]), now);
    }
  });
  return new Promise((resolve, reject) => {
    response.on('end', resolve);
    response.on('error', reject);
  });
}

async function holdStreams(url: string): Promise<{ lateness: number[]; deltas: number }> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const lateness: number[] = [];
  let deltas = 0;
  await Promise.all(
    Array.from({ length: streams }, async (_, stream) => {
      await new Promise((resolve) => setTimeout(resolve, (stream / streams) * rampMs));
      let start = 0;
      return new Promise<void>((resolve, reject) => {
        request(`${url}/sse/bench-drip`, { agent }, (response) => {
          readDrip(response, (index, at) => {
            if (index === 0) start = at;
            else {
              deltas++;
              lateness.push(at - (start + index * deltaMs));
            }
          }).then(resolve, reject);
        })
          .on('error', reject)
          .end();
      });
    }),
  );
  agent.destroy();
  return { lateness, deltas };
}

function startServerChild(): Promise<{ child: ChildProcess; url: string; ask: (command: string) => Promise<string> }> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), fileURLToPath(import.meta.url)], {
    env: { ...process.env, STREAMSCOPE_BENCH_ROLE: 'server' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the bench server exited early');
    return value;
  };
  return next().then((ready) => ({
    child,
    url: ready.replace(/^ready /, ''),
    ask: async (command) => {
      child.stdin!.write(`${command}\n`);
      return next();
    },
  }));
}

async function concurrentStreams(): Promise<void> {
  const server = await startServerChild();
  try {
    const { lateness, deltas } = await holdStreams(server.url);
    const rss = Number((await server.ask('rss')).replace(/^rss /, ''));
    const expected = streams * (holdMs / deltaMs);
    if (deltas !== expected) throw new Error(`received ${deltas} deltas, expected ${expected}`);
    const sorted = lateness.sort((a, b) => a - b);
    const p99 = percentile(sorted, 0.99);
    line(`mock-server ${streams} streams × ${holdMs / 1000} s, p99 lateness`, `${p99.toFixed(1)} ms (p50 ${percentile(sorted, 0.5).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms, ${deltas} deltas)`, '< 20 ms', p99 < 20);
    line(`mock-server ${streams} streams, server peak RSS`, `${(rss / 2 ** 20).toFixed(0)} MB`, '< 300 MB', rss < 300 * 2 ** 20);
  } finally {
    server.child.stdin!.end();
    await once(server.child, 'close');
  }
}

// ── one stream, no delays: mock server against bare node:http ──

function drainEvents(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (response) => {
      let events = 0;
      let tail = '';
      response.setEncoding('utf8');
      response.on('data', (piece: string) => {
        const parts = (tail + piece).split('\n\n');
        tail = parts.pop() ?? '';
        events += parts.length;
      });
      response.on('end', () => resolve(events));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

async function bareServer(bytes: readonly Uint8Array[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const piece of bytes) if (!res.write(piece)) await once(res, 'drain');
    res.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function eventsPerSecond(url: string, expected: number): Promise<number> {
  const started = performance.now();
  const events = await drainEvents(url);
  if (events !== expected) throw new Error(`${url}: ${events} events, expected ${expected}`);
  return events / ((performance.now() - started) / 1000);
}

async function burstRatio(): Promise<void> {
  const encoder = new TextEncoder();
  const bytes = [...expandSteps(burstScenario.steps)].flatMap((action) => (action.kind === 'send' ? [typeof action.bytes === 'string' ? encoder.encode(action.bytes) : action.bytes] : []));
  const mock = await startMockServer({ port: 0, registry: createRegistry([burstScenario]) });
  const bare = await bareServer(bytes);
  const ours: number[] = [];
  const baseline: number[] = [];
  try {
    for (let round = 0; round < 5; round++) {
      ours.push(await eventsPerSecond(`${mock.url}/sse/bench-burst`, bytes.length));
      baseline.push(await eventsPerSecond(bare.url, bytes.length));
    }
  } finally {
    await mock.close();
    await bare.close();
  }
  const result = ratioLine(`mock-server one stream, no delays (${bytes.length.toLocaleString('en')} events)`, median(ours), 'bare node:http', median(baseline), 0.7);
  console.log(result.line);
}

// ── request bodies: peak RSS after a 1.5 GB POST against one of 1 MiB ──

/** POSTs `total` bytes, chunked, until the server answers or drops the connection; returns the status and the bytes written. */
function postBytes(url: string, total: number): Promise<{ status: number; sent: number }> {
  const piece = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let status = 0;
    let answered = false;
    const outgoing = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
      status = response.statusCode ?? 0;
      answered = true;
      response.resume();
      response.on('end', () => resolve({ status, sent }));
    });
    outgoing.on('error', (error) => (answered ? resolve({ status, sent }) : reject(error)));
    const write = () => {
      while (!answered && sent < total) {
        sent += piece.length;
        if (!outgoing.write(piece)) return void outgoing.once('drain', write);
      }
      if (!answered) outgoing.end();
    };
    write();
  });
}

async function bodyPeak(bytes: number): Promise<{ status: number; sent: number; rss: number }> {
  const server = await startServerChild();
  try {
    const { status, sent } = await postBytes(`${server.url}/api/chat`, bytes);
    return { status, sent, rss: Number((await server.ask('rss')).replace(/^rss /, '')) };
  } finally {
    server.child.stdin!.end();
    await once(server.child, 'close');
  }
}

async function requestBodies(): Promise<void> {
  const baseline = await bodyPeak(2 ** 20);
  const huge = await bodyPeak(1.5 * 2 ** 30);
  const mb = (value: number) => `${(value / 2 ** 20).toFixed(0)} MB`;
  if (huge.status !== 413) throw new Error(`a 1.5 GB POST got ${huge.status}, expected 413`);
  const ratio = huge.rss / baseline.rss;
  line(
    'mock-server 1.5 GB POST, server peak RSS',
    `${mb(huge.rss)} (413 after ${mb(huge.sent)} sent) vs ${mb(baseline.rss)} after a 1 MiB POST (${baseline.status}) → ${ratio.toFixed(2)}x`,
    '< 1.5x',
    ratio < 1.5,
  );
}

export async function run(): Promise<void> {
  // Lateness is only as good as the CPU the two processes get: say how busy the machine was.
  console.log(`mock-server machine: ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} before the run`);
  await concurrentStreams();
  await burstRatio();
  await requestBodies();
}

if (process.env.STREAMSCOPE_BENCH_ROLE === 'server') await serverRole();
