/**
 * The CLI's memory on huge and endless inputs: each command runs in a child process (its peak RSS
 * its own, printed by a preloaded hook) on a large input and on a small one, and the bench prints
 * the ratio of their peak RSS — about 1 when memory is bounded, growing with the input when not.
 * Every run gets a V8 heap far smaller than what keeping the events (or the output) would need,
 * so an unbounded command dies of V8's out-of-memory abort instead of passing. Output goes
 * through a pipe this process drains, so a slow reader's backpressure is exercised. Times are
 * printed for information only.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';

const root = fileURLToPath(new URL('..', import.meta.url));
const rssHook = fileURLToPath(new URL('./support/report-peak-rss.ts', import.meta.url));

const bigEvents = 5_000_000;
const smallEvents = 100_000;
const commentBytes = 20 * 1024 * 1024;
/** Peak RSS on the big input at most this many times that on the small one. */
const target = 1.5;
/** The V8 heap each run may use: 5M events kept (or 20 MB of comments as one JSON text) need GBs. */
const heapMb = 96;

const start = 'data: {"type":"start"}\n\ndata: {"type":"text-start","id":"t"}\n\n';
const delta = 'data: {"type":"text-delta","id":"t","delta":"a"}\n\n';
const heartbeat = ': heartbeat\n\n';

/** Writes `count` events (deltas and heartbeats, in blocks) to `sink`, waiting when it is full. */
async function writeEvents(sink: Writable, count: number): Promise<void> {
  const block = (delta + heartbeat).repeat(500);
  if (!sink.write(start)) await once(sink, 'drain');
  for (let written = 0; written < count; written += 1000) if (!sink.write(block)) await once(sink, 'drain');
  sink.end();
}

async function writeFile(path: string, fill: (sink: Writable) => Promise<void>): Promise<string> {
  const sink = createWriteStream(path);
  await fill(sink);
  await once(sink, 'close');
  return path;
}

async function writeComments(sink: Writable, bytes: number): Promise<void> {
  const block = ':\n'.repeat(32 * 1024);
  for (let written = 0; written < bytes; written += block.length) if (!sink.write(block)) await once(sink, 'drain');
  sink.end();
}

type Run = { peakMb: number; seconds: number; outputMb: number; code: number | null };

/** Runs the CLI with `argv`, feeding standard input from `feed` if given; drains its output. */
async function runCli(argv: string[], feed?: (sink: Writable) => Promise<void>): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', '--import', rssHook, 'cli/main.ts', ...argv], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = 0;
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (output += data.length));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  if (feed) await feed(child.stdin);
  else child.stdin.end();
  const [code] = (await once(child, 'close')) as [number | null];
  const peak = /peak-rss-kb (\d+)/.exec(stderr);
  if (!peak) throw new Error(`streamscope ${argv.join(' ')}: no RSS report (exit ${code}): ${stderr.slice(0, 500)}`);
  const problems = stderr.replace(peak[0], '').trim();
  if (problems) throw new Error(`streamscope ${argv.join(' ')}: ${problems.slice(0, 500)}`);
  return { peakMb: Number(peak[1]) / 1024, seconds: (performance.now() - started) / 1000, outputMb: output / 1e6, code };
}

function report(label: string, big: Run, small: Run, sizes: string): boolean {
  const ratio = big.peakMb / small.peakMb;
  const met = ratio <= target;
  console.log(
    `${label}: peak RSS ${big.peakMb.toFixed(0)} MB on ${sizes} → ${ratio.toFixed(2)}x (target ≤ ${target}x) ${met ? '✓' : '✗'}` +
      ` · ${big.seconds.toFixed(1)} s, ${big.outputMb.toFixed(0)} MB out (small: ${small.peakMb.toFixed(0)} MB, ${small.seconds.toFixed(1)} s)`,
  );
  return met;
}

export async function run(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'streamscope-cli-bench-'));
  try {
    console.log(`load average ${loadavg()[0].toFixed(1)}; V8 heap capped at ${heapMb} MB (times are informative only; memory is the measure)`);
    const big = await writeFile(join(folder, 'big.sse'), (sink) => writeEvents(sink, bigEvents));
    const small = await writeFile(join(folder, 'small.sse'), (sink) => writeEvents(sink, smallEvents));
    const comments = await writeFile(join(folder, 'comments.sse'), (sink) => writeComments(sink, commentBytes));
    const fewComments = await writeFile(join(folder, 'few-comments.sse'), (sink) => writeComments(sink, commentBytes / 50));
    const sizes = `${bigEvents / 1e6}M events vs ${smallEvents / 1e3}k`;
    const results = [
      report('decode --ndjson', await runCli(['decode', big, '--ndjson']), await runCli(['decode', small, '--ndjson']), sizes),
      report('lint - (standard input)', await runCli(['lint', '-'], (sink) => writeEvents(sink, bigEvents)), await runCli(['lint', '-'], (sink) => writeEvents(sink, smallEvents)), sizes),
      report('decode --json, comments only', await runCli(['decode', comments, '--json']), await runCli(['decode', fewComments, '--json']), `${commentBytes / 2 ** 20} MB vs ${(commentBytes / 50 / 2 ** 20).toFixed(1)} MB`),
    ];
    if (results.includes(false)) process.exitCode = 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
