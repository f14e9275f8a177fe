/** Test-only: runs the CLI in-process with captured output, and makes scratch input files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.js';

export type CliRun = { code: number; stdout: string; stderr: string; writes: number };

export async function cli(...argv: string[]): Promise<CliRun> {
  const run = { code: 0, stdout: '', stderr: '', writes: 0 };
  run.code = await main(argv, {
    stdout: (text) => {
      run.stdout += text;
      run.writes++;
    },
    stderr: (text) => (run.stderr += text),
  });
  return run;
}

export function scratchFiles(): (name: string, content: string | Uint8Array) => string {
  const folder = mkdtempSync(join(tmpdir(), 'streamscope-cli-'));
  return (name, content) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };
}

/** Heap still in use after a full collection (vitest runs with --expose-gc). */
export function liveHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** The most live heap seen above the start while `work` runs, sampled between its awaits. */
export async function peakLiveHeap(work: () => Promise<unknown>): Promise<number> {
  const before = liveHeap();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, liveHeap() - before)), 100);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, liveHeap() - before);
}
