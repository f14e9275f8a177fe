/**
 * The decode bench: streamscope's full pipeline (parse, validate, lint, reassemble) against two
 * baselines on the same bytes — (a) the AI SDK client's `parseJsonEventStream` with
 * `uiMessageChunkSchema`, (b) `eventsource-parser` + `JSON.parse` — with zod's JIT on and off.
 * Each mode runs in its own process (see support/decode-mode.ts for why).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchShape, type ModeName, type ModeResult } from './support/decode-plan.js';
import { formatRate, formatRatio, median, ratioLine } from './support/stats.js';

const modeScript = fileURLToPath(new URL('./support/decode-mode.ts', import.meta.url));
const modeLabels: Record<ModeName, string> = { jit: 'zod JIT', jitless: 'zod jitless' };
const baselines = [
  { name: 'ai-sdk', label: 'ai-sdk client', target: 6 },
  { name: 'eventsource-parser', label: 'eventsource-parser + JSON.parse', target: 0.5 },
] as const;

function runMode(mode: ModeName): Promise<ModeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', import.meta.resolve('tsx'), modeScript, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`the ${mode} run exited with code ${code}`));
      try {
        resolve(JSON.parse(last) as ModeResult);
      } catch {
        reject(new Error(`the ${mode} run printed no result line (got ${JSON.stringify(last.slice(0, 80))})`));
      }
    });
  });
}

function spread(rates: readonly number[]): string {
  return `${formatRate(Math.min(...rates))}–${formatRate(Math.max(...rates))}`;
}

function medians(rates: Record<string, number[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(rates).map(([name, values]) => [name, median(values)]));
}

function printMode(result: ModeResult): boolean {
  const label = `decode [${modeLabels[result.mode]}]`;
  const wall = medians(result.rates);
  const cpu = medians(result.cpuRates);
  let met = true;
  for (const baseline of baselines) {
    const line = ratioLine(label, wall.ours, baseline.label, wall[baseline.name], baseline.target);
    console.log(line.line);
    met &&= line.met;
  }
  const detail = Object.entries(result.rates).map(([name, rates]) => `${name} ${spread(rates)}`);
  console.log(`  per-round range, ev/s: ${detail.join('; ')}`);
  const cpuRatios = baselines.map((baseline) => `${formatRatio(cpu.ours / cpu[baseline.name])} vs ${baseline.name}`);
  console.log(`  by CPU time (steadier on a busy machine): ours ${formatRate(cpu.ours)} ev/s, ${cpuRatios.join(', ')}`);
  return met;
}

export async function run(): Promise<void> {
  const kib = (bytes: number): number => bytes / 1024;
  let header = false;
  let allMet = true;
  for (const mode of ['jit', 'jitless'] as const) {
    const result = await runMode(mode);
    if (!header) {
      header = true;
      const rounds = Object.values(result.rates)[0]?.length ?? 0;
      console.log(
        `${result.events.toLocaleString('en')} events, ${(result.bytes / 1e6).toFixed(1)} MB in ${result.pieces.toLocaleString('en')} pieces of ` +
          `${kib(benchShape.minPiece)}–${kib(benchShape.maxPiece)} KiB (seed ${benchShape.seed}); median of ${rounds} rounds after ${result.warmup} warm-up`,
      );
    }
    allMet = printMode(result) && allMet;
  }
  console.log(allMet ? 'decode: all targets met' : 'decode: some targets missed (✗ above)');
}
