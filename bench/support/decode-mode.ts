/**
 * One zod mode of the decode bench, in a process of its own: zod reads `jitless` when a schema is
 * built and caches its eval probe, so the mode has to be set before any schema exists — that is,
 * before protocol/ and ai are loaded. Switching modes inside one process would measure JIT twice.
 *
 * Run: `tsx bench/support/decode-mode.ts <jit|jitless> [ours|ai-sdk|eventsource-parser ...]`
 * (BENCH_ROUNDS overrides the measured rounds). Prints one JSON line, a `ModeResult`.
 */
import { z } from 'zod';
import { benchShape, defaultRounds, warmupRounds, type ModeResult } from './decode-plan.js';

const [mode, ...only] = process.argv.slice(2);
if (mode !== 'jit' && mode !== 'jitless') {
  console.error(`decode-mode: first argument must be "jit" or "jitless", got ${JSON.stringify(mode ?? '')}`);
  process.exit(2);
}
z.config({ jitless: mode === 'jitless' });

const { contenders } = await import('./decode-contenders.js');
const { createBenchStream, bodyOf } = await import('./ui-stream.js');
const names = Object.keys(contenders) as (keyof typeof contenders)[];
const unknown = only.filter((name) => !(names as string[]).includes(name));
if (unknown.length > 0) {
  console.error(`decode-mode: unknown contender ${unknown.join(', ')} (known: ${names.join(', ')})`);
  process.exit(2);
}
const chosen = only.length > 0 ? (only as typeof names) : names;
const rounds = Number(process.env.BENCH_ROUNDS ?? defaultRounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`decode-mode: BENCH_ROUNDS must be a whole number ≥ 1, got ${JSON.stringify(process.env.BENCH_ROUNDS)}`);
  process.exit(2);
}
const stream = createBenchStream(benchShape);
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** One timed run of one contender: events per wall-clock second and per CPU second. */
async function timeOnce(name: (typeof names)[number]): Promise<{ wall: number; cpu: number }> {
  collect();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const tally = await contenders[name](bodyOf(stream.pieces));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  if (tally.events !== stream.events || tally.chunks !== stream.chunks) {
    throw new Error(`${name} saw ${tally.events} events / ${tally.chunks} chunks, expected ${stream.events} / ${stream.chunks}`);
  }
  return { wall: stream.events / seconds, cpu: stream.events / ((cpu.user + cpu.system) / 1e6) };
}

const perContender = (): Record<string, number[]> => Object.fromEntries(chosen.map((name) => [name, []]));
const rates = perContender();
const cpuRates = perContender();
try {
  for (let round = 0; round < warmupRounds + rounds; round++) {
    // Rotate the order each round so no contender always runs right after the same other one.
    for (let i = 0; i < chosen.length; i++) {
      const name = chosen[(round + i) % chosen.length];
      const rate = await timeOnce(name);
      if (round < warmupRounds) continue;
      rates[name].push(rate.wall);
      cpuRates[name].push(rate.cpu);
    }
  }
} catch (error) {
  console.error(`decode-mode (${mode}): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const result: ModeResult = { mode, events: stream.events, bytes: stream.bytes.length, pieces: stream.pieces.length, warmup: warmupRounds, rates, cpuRates };
console.log(JSON.stringify(result));
